package org.socialbank.payouts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.socialbank.shared.CurrencyCode;
import org.socialbank.shared.jdbc.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code payouts} table. Claims are conditional updates that only one node can win; the
 * outcome of a rail call is written only by the holder of the lease it was made under.
 */
@Repository
class JdbcPayouts {

    private static final String COLUMNS = "id, account_kind, account_number, ifsc, beneficiary_name, amount_minor, "
            + "currency, reference, status, failure_reason, sent_at, sends, checks, send_id, review_since, created_at, "
            + "updated_at";

    /**
     * A row: the order as submitted, where it is, and the worker's counters.
     *
     * @param sendId the end-to-end id the rail knows the latest send by
     * @param reviewSince when it was marked for operations' review (in doubt too long), or null
     */
    record Row(
            PayoutOrder order,
            PayoutStatus status,
            String failureReason,
            Instant sentAt,
            int sends,
            int checks,
            EndToEndId sendId,
            Instant reviewSince,
            Instant createdAt,
            Instant updatedAt) {

        Payout payout() {
            return new Payout(
                    order.id(),
                    order.to(),
                    order.amountMinor(),
                    order.currency(),
                    order.reference(),
                    status,
                    failureReason,
                    reviewSince,
                    createdAt,
                    updatedAt);
        }
    }

    /**
     * The lease the caller took is still its own and still running (security review #17): an
     * outcome learnt after the lease ran out is not recorded, since another node may already be
     * asking the rail about the payout; that node records what the rail tells it.
     */
    private static final String HELD = "lease_owner = ? AND lease_until >= ?";

    private final JdbcClient jdbc;

    JdbcPayouts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Row> find(PayoutId id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM payouts WHERE id = ?")
                .param(id.value())
                .query(JdbcPayouts::row)
                .optional();
    }

    void insert(PayoutOrder order, Instant now) {
        ExternalAccount to = order.to();
        String kind = to instanceof IndianAccount ? "in" : "iban";
        String number = to instanceof IndianAccount indian ? indian.number() : ((Iban) to).value();
        String ifsc = to instanceof IndianAccount indian ? indian.ifsc() : null;
        jdbc.sql("INSERT INTO payouts (id, account_kind, account_number, ifsc, beneficiary_name, amount_minor, "
                        + "currency, reference, status, failure_reason, sent_at, sends, checks, send_id, review_since, "
                        + "due_at, lease_owner, lease_until, created_at, updated_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', NULL, NULL, 0, 0, ?, NULL, ?, NULL, NULL, ?, ?)")
                .params(
                        order.id().value(),
                        kind,
                        number,
                        ifsc,
                        order.beneficiaryName(),
                        order.amountMinor(),
                        order.currency().code(),
                        order.reference(),
                        EndToEndId.first(order.id()).value(),
                        Timestamps.utc(now),
                        Timestamps.utc(now),
                        Timestamps.utc(now))
                .update();
    }

    /** Unsent PENDING payouts due now and not reserved, oldest first. */
    List<UUID> dueToSend(Instant now, int limit) {
        return jdbc.sql("SELECT id FROM payouts WHERE status = 'PENDING' AND sent_at IS NULL AND lease_until IS NULL "
                        + "AND due_at <= ? ORDER BY due_at, id LIMIT ?")
                .params(Timestamps.utc(now), limit)
                .query(UUID.class)
                .list();
    }

    /**
     * Reserves an unsent payout for one send and counts the send. The lease also makes it due for
     * the janitor once it ends: a node that died during the send leaves a payout that may have
     * reached the rail, which is asked about it rather than sent blindly again.
     */
    boolean claimSend(UUID id, String owner, Instant now, Instant until) {
        return jdbc.sql("UPDATE payouts SET lease_owner = ?, lease_until = ?, due_at = ?, sends = sends + 1 "
                                + "WHERE id = ? AND status = 'PENDING' AND sent_at IS NULL AND lease_until IS NULL "
                                + "AND due_at <= ?")
                        .params(owner, Timestamps.utc(until), Timestamps.utc(until), id, Timestamps.utc(now))
                        .update()
                == 1;
    }

    /** UNKNOWN payouts, sent ones not yet settled, and ones whose send lease ended: due now. */
    List<UUID> dueToCheck(Instant now, int limit) {
        return jdbc.sql("SELECT id FROM payouts WHERE status IN ('PENDING', 'UNKNOWN') AND due_at <= ? "
                        + "AND (status = 'UNKNOWN' OR sent_at IS NOT NULL OR lease_until IS NOT NULL) "
                        + "AND (lease_until IS NULL OR lease_until < ?) ORDER BY due_at, id LIMIT ?")
                .params(Timestamps.utc(now), Timestamps.utc(now), limit)
                .query(UUID.class)
                .list();
    }

    boolean claimCheck(UUID id, String owner, Instant now, Instant until) {
        return jdbc.sql("UPDATE payouts SET lease_owner = ?, lease_until = ?, due_at = ?, checks = checks + 1 "
                                + "WHERE id = ? AND status IN ('PENDING', 'UNKNOWN') AND due_at <= ? "
                                + "AND (status = 'UNKNOWN' OR sent_at IS NOT NULL OR lease_until IS NOT NULL) "
                                + "AND (lease_until IS NULL OR lease_until < ?)")
                        .params(
                                owner,
                                Timestamps.utc(until),
                                Timestamps.utc(until),
                                id,
                                Timestamps.utc(now),
                                Timestamps.utc(now))
                        .update()
                == 1;
    }

    /** Records a final outcome; false when the lease was lost (another node owns the payout now). */
    boolean finish(UUID id, String owner, PayoutStatus status, String reason, Instant now) {
        return jdbc.sql("UPDATE payouts SET status = ?, failure_reason = ?, sent_at = COALESCE(sent_at, ?), "
                                + "lease_owner = NULL, lease_until = NULL, updated_at = ? WHERE id = ? AND " + HELD)
                        .params(
                                status.name(),
                                reason,
                                status == PayoutStatus.SUCCEEDED ? Timestamps.utc(now) : null,
                                Timestamps.utc(now),
                                id,
                                owner,
                                Timestamps.utc(now))
                        .update()
                == 1;
    }

    /** The rail has it and has not settled it yet. */
    boolean inFlight(UUID id, String owner, Instant now, Instant due) {
        return jdbc.sql("UPDATE payouts SET status = 'PENDING', failure_reason = NULL, sent_at = COALESCE(sent_at, ?), "
                                + "due_at = ?, lease_owner = NULL, lease_until = NULL, updated_at = ? "
                                + "WHERE id = ? AND " + HELD)
                        .params(
                                Timestamps.utc(now),
                                Timestamps.utc(due),
                                Timestamps.utc(now),
                                id,
                                owner,
                                Timestamps.utc(now))
                        .update()
                == 1;
    }

    boolean unknown(UUID id, String owner, String reason, Instant now, Instant due) {
        return jdbc.sql("UPDATE payouts SET status = 'UNKNOWN', failure_reason = ?, due_at = ?, lease_owner = NULL, "
                                + "lease_until = NULL, updated_at = ? WHERE id = ? AND " + HELD)
                        .params(reason, Timestamps.utc(due), Timestamps.utc(now), id, owner, Timestamps.utc(now))
                        .update()
                == 1;
    }

    /**
     * The rail never received the latest send (and now refuses its id for good): PENDING and unsent
     * again, to be sent once due under a new end-to-end id.
     */
    boolean resend(UUID id, String owner, EndToEndId next, Instant now, Instant due) {
        return jdbc.sql("UPDATE payouts SET status = 'PENDING', failure_reason = NULL, sent_at = NULL, send_id = ?, "
                                + "due_at = ?, lease_owner = NULL, lease_until = NULL, updated_at = ? WHERE id = ? AND "
                                + HELD)
                        .params(next.value(), Timestamps.utc(due), Timestamps.utc(now), id, owner, Timestamps.utc(now))
                        .update()
                == 1;
    }

    /** Unfinished payouts recorded before {@code createdBefore} and not yet marked for review, oldest first. */
    List<UUID> unfinishedUnmarked(Instant createdBefore, int limit) {
        return jdbc.sql("SELECT id FROM payouts WHERE status IN ('PENDING', 'UNKNOWN') AND review_since IS NULL "
                        + "AND created_at < ? ORDER BY created_at, id LIMIT ?")
                .params(Timestamps.utc(createdBefore), limit)
                .query(UUID.class)
                .list();
    }

    /** Marks an unfinished payout for review; false when it ended or was marked meanwhile. Leases are not touched. */
    boolean markForReview(UUID id, Instant now) {
        return jdbc.sql("UPDATE payouts SET review_since = ? WHERE id = ? AND review_since IS NULL "
                                + "AND status IN ('PENDING', 'UNKNOWN')")
                        .params(Timestamps.utc(now), id)
                        .update()
                == 1;
    }

    /** Payouts in this state, oldest first. */
    List<Row> inState(PayoutStatus status, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM payouts WHERE status = ? ORDER BY created_at, id LIMIT ?")
                .params(status.name(), limit)
                .query(JdbcPayouts::row)
                .list();
    }

    /** Unfinished payouts marked for review, oldest first. */
    List<Row> needingReview(int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM payouts WHERE status IN ('PENDING', 'UNKNOWN') "
                        + "AND review_since IS NOT NULL ORDER BY created_at, id LIMIT ?")
                .params(limit)
                .query(JdbcPayouts::row)
                .list();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        ExternalAccount to = "in".equals(rs.getString("account_kind"))
                ? new IndianAccount(rs.getString("account_number"), rs.getString("ifsc"))
                : Iban.stored(rs.getString("account_number"));
        PayoutOrder order = new PayoutOrder(
                new PayoutId(rs.getObject("id", UUID.class)),
                to,
                rs.getString("beneficiary_name"),
                rs.getLong("amount_minor"),
                CurrencyCode.of(rs.getString("currency")),
                rs.getString("reference"));
        return new Row(
                order,
                PayoutStatus.valueOf(rs.getString("status")),
                rs.getString("failure_reason"),
                Timestamps.instant(rs, "sent_at"),
                rs.getInt("sends"),
                rs.getInt("checks"),
                new EndToEndId(rs.getObject("send_id", UUID.class)),
                Timestamps.instant(rs, "review_since"),
                Timestamps.instant(rs, "created_at"),
                Timestamps.instant(rs, "updated_at"));
    }
}
