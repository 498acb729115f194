package org.socialbank.payments.requests.jdbc;

import static org.socialbank.shared.jdbc.Timestamps.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.socialbank.directory.Alias;
import org.socialbank.directory.AliasType;
import org.socialbank.directory.CustomerId;
import org.socialbank.payments.requests.RequestId;
import org.socialbank.payments.requests.RequestStatus;
import org.socialbank.payments.requests.SplitId;
import org.socialbank.shared.CurrencyCode;
import org.socialbank.shared.Network;
import org.socialbank.shared.jdbc.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL of requests, splits and incoming credits. A state change is an UPDATE guarded by the
 * state it leaves ({@code AND status = 'open'}), so two nodes racing on one request change it once;
 * paying locks the request row first ({@link #lock}).
 */
@Repository
public class JdbcRequests {

    private static final String COLUMNS = """
            id, split_id, split_seq, requester_id, requester_masked_name,
            requester_alias_type, requester_alias_network, requester_alias_value,
            payer_type, payer_network, payer_value, payer_customer_id,
            amount_minor, currency, note, channel, status, pay_token_hash, reference,
            pay_attempt, payment_id, credit_transfer_id, expires_at, reminded_at, created_at, updated_at""";
    private static final String SPLIT_COLUMNS = "id, organiser_id, total_minor, currency, note, channel, "
            + "include_organiser, organiser_share_minor, fingerprint, created_at";

    private final JdbcClient jdbc;

    JdbcRequests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(RequestRow r) {
        jdbc.sql("INSERT INTO money_requests (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                        + "?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        r.id().value(),
                        r.splitId() == null ? null : r.splitId().value(),
                        r.splitSeq(),
                        r.requester().value(),
                        r.parties().requesterMaskedName(),
                        r.parties().requesterAlias().type().wireName(),
                        network(r.parties().requesterAlias()),
                        r.parties().requesterAlias().value(),
                        r.payer().type().wireName(),
                        network(r.payer()),
                        r.payer().value(),
                        uuid(r.payerCustomer()),
                        r.amountMinor(),
                        r.currency().code(),
                        r.note(),
                        r.channel(),
                        r.status().wireName(),
                        r.payLink().tokenHash(),
                        r.payLink().reference(),
                        r.paying().attempt(),
                        r.paying().paymentId(),
                        r.paying().creditTransferId(),
                        utc(r.expiresAt()),
                        utc(r.remindedAt()),
                        utc(r.createdAt()),
                        utc(r.updatedAt()))
                .update();
    }

    public void insertSplit(SplitRow s) {
        jdbc.sql("INSERT INTO money_splits (" + SPLIT_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        s.id().value(),
                        s.organiser().value(),
                        s.totalMinor(),
                        s.currency().code(),
                        s.note(),
                        s.channel(),
                        s.includeOrganiser(),
                        s.organiserShareMinor(),
                        s.fingerprint(),
                        utc(s.createdAt()))
                .update();
    }

    public Optional<RequestRow> find(RequestId id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM money_requests WHERE id = ?")
                .param(id.value())
                .query(JdbcRequests::row)
                .optional();
    }

    public Optional<RequestRow> lock(RequestId id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM money_requests WHERE id = ? FOR UPDATE")
                .param(id.value())
                .query(JdbcRequests::row)
                .optional();
    }

    public Optional<RequestRow> findByToken(String tokenHash) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM money_requests WHERE pay_token_hash = ?")
                .param(tokenHash)
                .query(JdbcRequests::row)
                .optional();
    }

    public Optional<RequestRow> lockByReference(String reference) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM money_requests WHERE reference = ? FOR UPDATE")
                .param(reference)
                .query(JdbcRequests::row)
                .optional();
    }

    public Optional<RequestRow> byPayment(UUID paymentId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM money_requests WHERE payment_id = ?")
                .param(paymentId)
                .query(JdbcRequests::row)
                .optional();
    }

    public Optional<SplitRow> findSplit(SplitId id) {
        return jdbc.sql("SELECT " + SPLIT_COLUMNS + " FROM money_splits WHERE id = ?")
                .param(id.value())
                .query(JdbcRequests::split)
                .optional();
    }

    /**
     * Open requests the customer sent or was asked (issue 13: "my requests"), not yet past their
     * expiry, newest first, at most {@code limit}.
     */
    public List<RequestRow> openOf(CustomerId customer, Instant now, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM money_requests WHERE status = 'open' AND expires_at > ? "
                        + "AND (requester_id = ? OR payer_customer_id = ?) ORDER BY created_at DESC, id LIMIT ?")
                .params(utc(now), customer.value(), customer.value(), limit)
                .query(JdbcRequests::row)
                .list();
    }

    /** A split's requests in the order of its members. */
    public List<RequestRow> members(SplitId id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM money_requests WHERE split_id = ? ORDER BY split_seq")
                .param(id.value())
                .query(JdbcRequests::row)
                .list();
    }

    /** Moves an open request to another state; returns whether this call did (false: it was not open any more). */
    public boolean close(RequestId id, RequestStatus to, Instant now) {
        return jdbc.sql("UPDATE money_requests SET status = ?, updated_at = ? WHERE id = ? AND status = 'open'")
                        .params(to.wireName(), utc(now), id.value())
                        .update()
                == 1;
    }

    /** Expires an open request whose expiry passed; false when it was paid, closed or expired meanwhile. */
    public boolean expire(RequestId id, Instant now) {
        return jdbc.sql("""
                UPDATE money_requests SET status = 'expired', updated_at = ?
                WHERE id = ? AND status = 'open' AND expires_at <= ?""").params(utc(now), id.value(), utc(now)).update() == 1;
    }

    /**
     * Marks a request paid. Money that moved wins over a state reached meanwhile (a payment
     * confirmed on the step-up page after the request expired), so only "paid already" stops it.
     */
    public boolean markPaid(RequestId id, UUID paymentId, UUID creditTransferId, Instant now) {
        return jdbc.sql("""
                UPDATE money_requests SET status = 'paid', payment_id = COALESCE(?, payment_id),
                    credit_transfer_id = ?, updated_at = ?
                WHERE id = ? AND status <> 'paid'""")
                        .params(paymentId, creditTransferId, utc(now), id.value())
                        .update()
                == 1;
    }

    /** Records the payer's payment attempt; the caller holds the request's lock. */
    public void recordAttempt(RequestId id, CustomerId payer, int attempt, UUID paymentId, Instant now) {
        jdbc.sql("""
                UPDATE money_requests SET payer_customer_id = ?, pay_attempt = ?, payment_id = ?, updated_at = ?
                WHERE id = ?""")
                .params(payer.value(), attempt, paymentId, utc(now), id.value())
                .update();
    }

    /**
     * Stamps a reminder unless the last one (or, before any, the request itself) is later than
     * {@code notAfter}; returns whether this call did.
     */
    public boolean remind(RequestId id, Instant notAfter, Instant now) {
        return jdbc.sql("""
                UPDATE money_requests SET reminded_at = ?, updated_at = ?
                WHERE id = ? AND status = 'open' AND COALESCE(reminded_at, created_at) <= ?""")
                        .params(utc(now), utc(now), id.value(), utc(notAfter))
                        .update()
                == 1;
    }

    public List<RequestId> due(Instant now, int limit) {
        return jdbc.sql("SELECT id FROM money_requests WHERE status = 'open' AND expires_at <= ? "
                        + "ORDER BY expires_at LIMIT ?")
                .params(utc(now), limit)
                .query((rs, n) -> new RequestId(rs.getObject(1, UUID.class)))
                .list();
    }

    /** Requests the requester sent since {@code from}, a split's one per member. */
    public int requestsSince(CustomerId requester, Instant from) {
        return jdbc.sql("SELECT COUNT(*) FROM money_requests WHERE requester_id = ? AND created_at >= ?")
                .params(requester.value(), utc(from))
                .query(Long.class)
                .single()
                .intValue();
    }

    /** A credit already recorded under this entry id of the feed: its reference, amount, currency, outcome and request. */
    public record Credit(String reference, long amountMinor, String currency, String outcome, UUID requestId) {}

    public Optional<Credit> credit(String entryId) {
        return jdbc.sql("""
                SELECT reference, amount_minor, currency, outcome, request_id FROM incoming_credit_entries
                WHERE entry_id = ?""")
                .param(entryId)
                .query((rs, n) -> new Credit(
                        rs.getString(1),
                        rs.getLong(2),
                        rs.getString(3).strip(),
                        rs.getString(4),
                        rs.getObject(5, UUID.class)))
                .optional();
    }

    public void insertCredit(
            String entryId,
            String reference,
            long amountMinor,
            CurrencyCode currency,
            String outcome,
            RequestId request,
            UUID transferId,
            Instant now) {
        jdbc.sql("""
                INSERT INTO incoming_credit_entries
                    (entry_id, reference, amount_minor, currency, outcome, request_id, transfer_id, received_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        entryId,
                        reference,
                        amountMinor,
                        currency.code(),
                        outcome,
                        request == null ? null : request.value(),
                        transferId,
                        utc(now))
                .update();
    }

    private static String network(Alias alias) {
        return alias.network() == null ? "" : alias.network().wireName();
    }

    private static UUID uuid(CustomerId id) {
        return id == null ? null : id.value();
    }

    private static CustomerId customer(ResultSet rs, String column) throws SQLException {
        UUID id = rs.getObject(column, UUID.class);
        return id == null ? null : new CustomerId(id);
    }

    private static Alias alias(ResultSet rs, String prefix) throws SQLException {
        String network = rs.getString(prefix + "network");
        return new Alias(
                AliasType.fromWireName(rs.getString(prefix + "type")).orElseThrow(),
                network.isEmpty() ? null : Network.fromWireName(network).orElseThrow(),
                rs.getString(prefix + "value"));
    }

    private static RequestRow row(ResultSet rs, int n) throws SQLException {
        UUID split = rs.getObject("split_id", UUID.class);
        int seq = rs.getInt("split_seq");
        Integer splitSeq = rs.wasNull() ? null : seq;
        return new RequestRow(
                new RequestId(rs.getObject("id", UUID.class)),
                split == null ? null : new SplitId(split),
                splitSeq,
                new RequestRow.Parties(
                        customer(rs, "requester_id"),
                        rs.getString("requester_masked_name"),
                        alias(rs, "requester_alias_"),
                        alias(rs, "payer_"),
                        customer(rs, "payer_customer_id")),
                rs.getLong("amount_minor"),
                CurrencyCode.of(rs.getString("currency").strip()),
                rs.getString("note"),
                rs.getString("channel"),
                RequestStatus.fromWireName(rs.getString("status")).orElseThrow(),
                new RequestRow.PayLink(rs.getString("pay_token_hash"), rs.getString("reference")),
                new RequestRow.Paying(
                        rs.getInt("pay_attempt"),
                        rs.getObject("payment_id", UUID.class),
                        rs.getObject("credit_transfer_id", UUID.class)),
                Timestamps.instant(rs, "expires_at"),
                Timestamps.instant(rs, "reminded_at"),
                Timestamps.instant(rs, "created_at"),
                Timestamps.instant(rs, "updated_at"));
    }

    private static SplitRow split(ResultSet rs, int n) throws SQLException {
        return new SplitRow(
                new SplitId(rs.getObject("id", UUID.class)),
                customer(rs, "organiser_id"),
                rs.getLong("total_minor"),
                CurrencyCode.of(rs.getString("currency").strip()),
                rs.getString("note"),
                rs.getString("channel"),
                rs.getBoolean("include_organiser"),
                rs.getLong("organiser_share_minor"),
                rs.getString("fingerprint"),
                Timestamps.instant(rs, "created_at"));
    }
}
