package org.socialbank.payments.jdbc;

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
import org.socialbank.payments.PaymentCheck;
import org.socialbank.payments.PaymentId;
import org.socialbank.payments.PaymentStatus;
import org.socialbank.payments.risk.History;
import org.socialbank.shared.CurrencyCode;
import org.socialbank.shared.Network;
import org.socialbank.shared.jdbc.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The payments' SQL; every state change locks the payment row first ({@code lock*}). */
@Repository
public class JdbcPayments {

    private static final String COLUMNS = """
            id, payer_id, payee_type, payee_network, payee_value, payee_customer_id, payee_masked_name, new_payee,
            amount_minor, currency, channel, status, code, limit_minor, used_minor, resets_at,
            transfer_id, settle_transfer_id, return_transfer_id, confirmation_id, confirmation_link_sealed,
            claim_token_hash, claim_expires_at, claim_code_hash, claim_code_expires_at, claim_attempts,
            claim_codes_sent, network_code_hash, claim_proven_at, claimant_customer_id, payout_id,
            created_at, updated_at""";
    /** Payments that count against limits and history: money moved, or is held for the payer's confirmation. */
    private static final String COUNTED =
            "status IN ('completed', 'awaiting_claim', 'paying_out', " + "'awaiting_confirmation')";

    private final JdbcClient jdbc;

    JdbcPayments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(PaymentRow r) {
        PaymentRow.Parties p = r.parties();
        PaymentRow.Verdict v = r.verdict();
        PaymentRow.Transfers t = r.transfers();
        PaymentRow.Claim c = r.claim();
        jdbc.sql("INSERT INTO payments (" + COLUMNS
                        + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                        + "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        r.id().value(),
                        p.payer().value(),
                        p.payee().type().wireName(),
                        network(p.payee()),
                        p.payee().value(),
                        uuid(p.payeeCustomer()),
                        p.payeeMaskedName(),
                        p.newPayee(),
                        r.amountMinor(),
                        r.currency().code(),
                        r.channel(),
                        r.status().wireName(),
                        v.code(),
                        v.limitMinor(),
                        v.usedMinor(),
                        utc(v.resetsAt()),
                        t.transferId(),
                        t.settleTransferId(),
                        t.returnTransferId(),
                        r.confirmation().challengeId(),
                        r.confirmation().linkSealed(),
                        c.tokenHash(),
                        utc(c.expiresAt()),
                        c.codeHash(),
                        utc(c.codeExpiresAt()),
                        c.attempts(),
                        c.codesSent(),
                        c.networkCodeHash(),
                        utc(c.provenAt()),
                        uuid(c.claimant()),
                        c.payoutId(),
                        utc(r.createdAt()),
                        utc(r.updatedAt()))
                .update();
    }

    /**
     * Writes the state a payment reached when it was carried out after a confirmation. Every
     * change of state clears the sealed confirmation link: it is kept only while the payment waits.
     */
    public void updateExecution(PaymentRow r, Instant now) {
        jdbc.sql("""
                UPDATE payments SET status = ?, code = ?, transfer_id = ?, claim_token_hash = ?, claim_expires_at = ?,
                    network_code_hash = ?, confirmation_link_sealed = NULL, updated_at = ?
                WHERE id = ?""")
                .params(
                        r.status().wireName(),
                        r.code(),
                        r.transfers().transferId(),
                        r.claim().tokenHash(),
                        utc(r.claim().expiresAt()),
                        r.claim().networkCodeHash(),
                        utc(now),
                        r.id().value())
                .update();
    }

    public void changeStatus(PaymentId id, PaymentStatus status, String code, Instant now) {
        jdbc.sql("UPDATE payments SET status = ?, code = ?, confirmation_link_sealed = NULL, updated_at = ? "
                        + "WHERE id = ?")
                .params(status.wireName(), code, utc(now), id.value())
                .update();
    }

    public void recordClaimCode(PaymentId id, String hash, Instant expiresAt, int codesSent, Instant now) {
        jdbc.sql("UPDATE payments SET claim_code_hash = ?, claim_code_expires_at = ?, claim_codes_sent = ?, "
                        + "updated_at = ? WHERE id = ?")
                .params(hash, utc(expiresAt), codesSent, utc(now), id.value())
                .update();
    }

    public void recordClaimAttempts(PaymentId id, int attempts, Instant now) {
        jdbc.sql("UPDATE payments SET claim_attempts = ?, updated_at = ? WHERE id = ?")
                .params(attempts, utc(now), id.value())
                .update();
    }

    /** The browser that proved a claim (the SHA-256 of its cookie's secret); one per claim. */
    public void bindBrowser(PaymentId id, String browserHash, Instant now) {
        jdbc.sql("DELETE FROM claim_browsers WHERE payment_id = ?")
                .param(id.value())
                .update();
        jdbc.sql("INSERT INTO claim_browsers (payment_id, browser_hash, bound_at) VALUES (?, ?, ?)")
                .params(id.value(), browserHash, utc(now))
                .update();
    }

    /** The browser a claim was proven in; empty when it was proven by a network message. */
    public java.util.Optional<String> boundBrowser(PaymentId id) {
        return jdbc.sql("SELECT browser_hash FROM claim_browsers WHERE payment_id = ?")
                .param(id.value())
                .query(String.class)
                .optional();
    }

    public void recordProof(PaymentId id, Instant now) {
        jdbc.sql("UPDATE payments SET claim_proven_at = ?, claim_code_hash = NULL, updated_at = ? WHERE id = ?")
                .params(utc(now), utc(now), id.value())
                .update();
    }

    public void recordSettlement(
            PaymentId id, PaymentStatus status, UUID settleTransfer, CustomerId claimant, UUID payout, Instant now) {
        jdbc.sql("""
                UPDATE payments SET status = ?, settle_transfer_id = ?, claimant_customer_id = ?, payout_id = ?,
                    confirmation_link_sealed = NULL, updated_at = ?
                WHERE id = ?""")
                .params(status.wireName(), settleTransfer, uuid(claimant), payout, utc(now), id.value())
                .update();
    }

    public void recordReturn(PaymentId id, PaymentStatus status, String code, UUID returnTransfer, Instant now) {
        jdbc.sql("""
                UPDATE payments SET status = ?, code = ?, return_transfer_id = ?, confirmation_link_sealed = NULL,
                    updated_at = ?
                WHERE id = ?""")
                .params(status.wireName(), code, returnTransfer, utc(now), id.value())
                .update();
    }

    /**
     * A failed payout's money the payer's account refused back: held, with the code that says why
     * ({@code payout_failed}, or {@code payer_account_closed} for operations to settle by hand), to be
     * tried again from {@code retryAt} (null: never); its first refused try.
     */
    public void holdReturn(PaymentId id, String code, Instant retryAt, Instant now) {
        jdbc.sql("""
                UPDATE payments SET status = 'return_held', code = ?, return_retry_at = ?, return_tries = 1,
                    updated_at = ?
                WHERE id = ?""").params(code, utc(retryAt), utc(now), id.value()).update();
    }

    /** How many tries of a held return the payer's account refused so far. */
    public int returnTries(PaymentId id) {
        return jdbc.sql("SELECT return_tries FROM payments WHERE id = ?")
                .param(id.value())
                .query(Integer.class)
                .single();
    }

    /** A held return refused again: its {@code tries}-th refusal, next tried at {@code retryAt}. */
    public void retryHeldReturnAt(PaymentId id, Instant retryAt, int tries) {
        jdbc.sql("UPDATE payments SET return_retry_at = ?, return_tries = ? WHERE id = ?")
                .params(utc(retryAt), tries, id.value())
                .update();
    }

    /** A held return never tried again ({@code code} says why): operations settle it by hand. */
    public void settleHeldReturnByHand(PaymentId id, String code, Instant now) {
        jdbc.sql("""
                UPDATE payments SET code = ?, return_retry_at = NULL, return_tries = return_tries + 1,
                    updated_at = ?
                WHERE id = ?""").params(code, utc(now), id.value()).update();
    }

    /** Held returns whose next try is due, the longest-waiting first. */
    public List<PaymentId> dueHeldReturns(Instant now, int limit) {
        return jdbc.sql("SELECT id FROM payments WHERE status = 'return_held' AND return_retry_at <= ? "
                        + "ORDER BY return_retry_at LIMIT ?")
                .params(utc(now), limit)
                .query((rs, n) -> new PaymentId(rs.getObject(1, UUID.class)))
                .list();
    }

    /**
     * Claims one try of a held return for this node: moves its next try to {@code next} only if it
     * is still held and due, so of two nodes that listed it, one wins and the other updates nothing.
     */
    public boolean claimHeldReturn(PaymentId id, Instant now, Instant next) {
        return jdbc.sql("UPDATE payments SET return_retry_at = ? "
                                + "WHERE id = ? AND status = 'return_held' AND return_retry_at <= ?")
                        .params(utc(next), id.value(), utc(now))
                        .update()
                == 1;
    }

    /** Every held return, the oldest first: for operations. */
    public List<PaymentRow> heldReturns(int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM payments WHERE status = 'return_held' "
                        + "ORDER BY updated_at, id LIMIT ?")
                .param(limit)
                .query(JdbcPayments::row)
                .list();
    }

    /**
     * Serializes the decisions of one payer's payments until the transaction ends. The first
     * payment of a payer inserts the row (and holds its lock); a concurrent first one fails on the
     * key and its transaction is retried whole, as every lost race is.
     */
    public void lockPayer(CustomerId payer) {
        boolean known = jdbc.sql("SELECT payer_customer_id FROM payment_payers WHERE payer_customer_id = ? FOR UPDATE")
                .param(payer.value())
                .query(UUID.class)
                .optional()
                .isPresent();
        if (!known) {
            jdbc.sql("INSERT INTO payment_payers (payer_customer_id) VALUES (?)")
                    .param(payer.value())
                    .update();
        }
    }

    public Optional<PaymentRow> find(PaymentId id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM payments WHERE id = ?")
                .param(id.value())
                .query(JdbcPayments::row)
                .optional();
    }

    public Optional<PaymentRow> lock(PaymentId id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM payments WHERE id = ? FOR UPDATE")
                .param(id.value())
                .query(JdbcPayments::row)
                .optional();
    }

    public Optional<PaymentRow> findByToken(String tokenHash) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM payments WHERE claim_token_hash = ?")
                .param(tokenHash)
                .query(JdbcPayments::row)
                .optional();
    }

    public Optional<PaymentRow> lockByToken(String tokenHash) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM payments WHERE claim_token_hash = ? FOR UPDATE")
                .param(tokenHash)
                .query(JdbcPayments::row)
                .optional();
    }

    /** Unclaimed payments whose network claim code has this hash (a collision is possible, so a list). */
    public List<PaymentId> awaitingByNetworkCode(String hash, int limit) {
        return jdbc.sql("SELECT id FROM payments WHERE network_code_hash = ? AND status = 'awaiting_claim' "
                        + "ORDER BY created_at LIMIT ?")
                .params(hash, limit)
                .query((rs, n) -> new PaymentId(rs.getObject(1, UUID.class)))
                .list();
    }

    public Optional<PaymentId> byPayout(UUID payoutId) {
        return jdbc.sql("SELECT id FROM payments WHERE payout_id = ?")
                .param(payoutId)
                .query((rs, n) -> new PaymentId(rs.getObject(1, UUID.class)))
                .optional();
    }

    public List<PaymentId> dueClaims(Instant now, int limit) {
        return jdbc.sql("SELECT id FROM payments WHERE status = 'awaiting_claim' AND claim_expires_at <= ? "
                        + "ORDER BY claim_expires_at LIMIT ?")
                .params(utc(now), limit)
                .query((rs, n) -> new PaymentId(rs.getObject(1, UUID.class)))
                .list();
    }

    /**
     * The payer's newest payment since {@code from} that paid nobody: refused, not confirmed,
     * returned (unclaimed in time, or its payout failed), or held on its way back (its payout failed
     * and her account refused the money back: {@code return_held}); a payment the payer cancelled is
     * not one.
     */
    public Optional<PaymentRow> latestNotPaid(CustomerId payer, Instant from) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM payments WHERE payer_id = ? AND created_at >= ? "
                        + "AND status IN ('rejected', 'not_confirmed', 'returned', 'return_held') "
                        + "ORDER BY created_at DESC, id LIMIT 1")
                .params(payer.value(), utc(from))
                .query(JdbcPayments::row)
                .optional();
    }

    /** Whether the payer ever paid this payee (as this alias or, when a customer, by any alias). */
    public boolean paidBefore(CustomerId payer, Alias payee, CustomerId payeeCustomer) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM payments
                WHERE payer_id = ? AND status IN ('completed', 'awaiting_claim', 'paying_out')
                  AND ((payee_type = ? AND payee_network = ? AND payee_value = ?) OR payee_customer_id = ?)""")
                        .params(
                                payer.value(),
                                payee.type().wireName(),
                                network(payee),
                                payee.value(),
                                uuid(payeeCustomer))
                        .query(Long.class)
                        .single()
                > 0;
    }

    public long sentMinor(CustomerId payer, CurrencyCode currency, Optional<String> channel, Instant from) {
        String sql = "SELECT COALESCE(SUM(amount_minor), 0) FROM payments WHERE payer_id = ? AND currency = ? AND "
                + "created_at >= ? AND " + COUNTED;
        return channel.map(c -> jdbc.sql(sql + " AND channel = ?").params(payer.value(), currency.code(), utc(from), c))
                .orElseGet(() -> jdbc.sql(sql).params(payer.value(), currency.code(), utc(from)))
                .query(Long.class)
                .single();
    }

    public int paymentsSince(CustomerId payer, Instant from) {
        return jdbc.sql("SELECT COUNT(*) FROM payments WHERE payer_id = ? AND created_at >= ?")
                .params(payer.value(), utc(from))
                .query(Long.class)
                .single()
                .intValue();
    }

    public int newPayeesSince(CustomerId payer, Instant from) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM (
                    SELECT DISTINCT payee_type, payee_network, payee_value FROM payments
                    WHERE payer_id = ? AND created_at >= ? AND new_payee AND %s) p""".formatted(COUNTED))
                .params(payer.value(), utc(from))
                .query(Long.class)
                .single()
                .intValue();
    }

    /**
     * Payments of the payer asked for in the channel since {@code from} that were held for a
     * step-up (they have a confirmation) and carried out after it (they have a transfer).
     */
    public int confirmedSince(CustomerId payer, String channel, Instant from) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM payments
                WHERE payer_id = ? AND created_at >= ? AND channel = ?
                  AND confirmation_id IS NOT NULL AND transfer_id IS NOT NULL""")
                .params(payer.value(), utc(from), channel)
                .query(Long.class)
                .single()
                .intValue();
    }

    /**
     * What the risk policy will ask about one attempt, read in one statement over the payer's
     * payments since the earliest period asked for (issue 22); see {@link PayerHistory}.
     */
    public PayerHistory history(History.Questions q) {
        Instant from = q.monthStart().isBefore(q.burstFrom()) ? q.monthStart() : q.burstFrom();
        // no link: no payment is counted since a time after every payment (a null would make the
        // driver ask the server for the parameter's type)
        Instant linkedAt = q.linkedAt().orElse(NO_LINK);
        if (linkedAt.isBefore(from)) {
            from = linkedAt;
        }
        PayerHistory.Totals totals = jdbc.sql("""
                SELECT
                  COALESCE(SUM(CASE WHEN currency = ? AND created_at >= ? AND %1$s THEN amount_minor END), 0) AS m,
                  COALESCE(SUM(CASE WHEN currency = ? AND created_at >= ? AND %1$s THEN amount_minor END), 0) AS d,
                  COALESCE(SUM(CASE WHEN currency = ? AND created_at >= ? AND channel = ? AND %1$s
                                    THEN amount_minor END), 0) AS cd,
                  COUNT(CASE WHEN created_at >= ? THEN 1 END) AS b,
                  COUNT(CASE WHEN created_at >= ? AND channel = ? AND confirmation_id IS NOT NULL
                                  AND transfer_id IS NOT NULL THEN 1 END) AS c
                FROM payments WHERE payer_id = ? AND created_at >= ?""".formatted(COUNTED))
                .params(
                        q.currency().code(),
                        utc(q.monthStart()),
                        q.currency().code(),
                        utc(q.dayStart()),
                        q.currency().code(),
                        utc(q.dayStart()),
                        q.channel(),
                        utc(q.burstFrom()),
                        utc(linkedAt),
                        q.channel(),
                        q.payer().value(),
                        utc(from))
                .query((rs, n) -> new PayerHistory.Totals(
                        rs.getLong("m"), rs.getLong("d"), rs.getLong("cd"), rs.getInt("b"), rs.getInt("c")))
                .single();
        return new PayerHistory(q, totals, new PaymentHistory(this));
    }

    /** After every payment: the link time of a history's questions when the channel is not linked. */
    private static final Instant NO_LINK = Instant.parse("9999-01-01T00:00:00Z");

    /** The audit of one decision: one row per check, in one statement; answers it as {@link #decision} reads it. */
    public Decision insertDecision(
            PaymentId id, String decision, String reason, List<PaymentCheck> checks, Instant now) {
        List<PaymentCheck> rows = (checks.isEmpty() ? List.of(new PaymentCheck("policy", decision, null)) : checks)
                .stream()
                        .map(c -> new PaymentCheck(c.rule(), c.outcome(), clip(c.detail())))
                        .toList();
        StringBuilder sql = new StringBuilder(
                "INSERT INTO payment_decisions (payment_id, seq, decision, reason, rule, outcome, detail, decided_at) "
                        + "VALUES ");
        List<Object> params = new java.util.ArrayList<>(rows.size() * 8);
        for (int i = 0; i < rows.size(); i++) {
            PaymentCheck c = rows.get(i);
            sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?)");
            params.addAll(java.util.Arrays.asList(
                    id.value(), i, decision, reason, c.rule(), c.outcome(), c.detail(), utc(now)));
        }
        jdbc.sql(sql.toString()).params(params).update();
        return new Decision(decision, reason, rows);
    }

    public record Decision(String decision, String reason, List<PaymentCheck> checks) {

        /** What {@link #decision} answers for a payment without a decision (refused before the policy). */
        public static final Decision NONE = new Decision(null, null, List.of());
    }

    public Optional<Decision> decision(PaymentId id) {
        List<Object[]> rows = jdbc.sql("SELECT decision, reason, rule, outcome, detail FROM payment_decisions "
                        + "WHERE payment_id = ? ORDER BY seq")
                .param(id.value())
                .query((rs, n) -> new Object[] {
                    rs.getString(1),
                    rs.getString(2),
                    new PaymentCheck(rs.getString(3), rs.getString(4), rs.getString(5))
                })
                .list();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Decision(
                (String) rows.get(0)[0],
                (String) rows.get(0)[1],
                rows.stream().map(r -> (PaymentCheck) r[2]).toList()));
    }

    private static String clip(String detail) {
        return detail == null || detail.length() <= 256 ? detail : detail.substring(0, 256);
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

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static PaymentRow row(ResultSet rs, int n) throws SQLException {
        return new PaymentRow(
                new PaymentId(rs.getObject("id", UUID.class)),
                parties(rs),
                rs.getLong("amount_minor"),
                CurrencyCode.of(rs.getString("currency").strip()),
                rs.getString("channel"),
                PaymentStatus.fromWireName(rs.getString("status")).orElseThrow(),
                new PaymentRow.Verdict(
                        rs.getString("code"),
                        nullableLong(rs, "limit_minor"),
                        nullableLong(rs, "used_minor"),
                        Timestamps.instant(rs, "resets_at")),
                new PaymentRow.Transfers(
                        rs.getObject("transfer_id", UUID.class),
                        rs.getObject("settle_transfer_id", UUID.class),
                        rs.getObject("return_transfer_id", UUID.class)),
                new PaymentRow.Confirmation(
                        rs.getObject("confirmation_id", UUID.class), rs.getString("confirmation_link_sealed")),
                claim(rs),
                Timestamps.instant(rs, "created_at"),
                Timestamps.instant(rs, "updated_at"));
    }

    private static PaymentRow.Parties parties(ResultSet rs) throws SQLException {
        String network = rs.getString("payee_network");
        Alias payee = new Alias(
                AliasType.fromWireName(rs.getString("payee_type")).orElseThrow(),
                network.isEmpty() ? null : Network.fromWireName(network).orElseThrow(),
                rs.getString("payee_value"));
        return new PaymentRow.Parties(
                customer(rs, "payer_id"),
                payee,
                customer(rs, "payee_customer_id"),
                rs.getString("payee_masked_name"),
                rs.getBoolean("new_payee"));
    }

    private static PaymentRow.Claim claim(ResultSet rs) throws SQLException {
        return new PaymentRow.Claim(
                rs.getString("claim_token_hash"),
                Timestamps.instant(rs, "claim_expires_at"),
                rs.getString("claim_code_hash"),
                Timestamps.instant(rs, "claim_code_expires_at"),
                rs.getInt("claim_attempts"),
                rs.getInt("claim_codes_sent"),
                rs.getString("network_code_hash"),
                Timestamps.instant(rs, "claim_proven_at"),
                customer(rs, "claimant_customer_id"),
                rs.getObject("payout_id", UUID.class));
    }
}
