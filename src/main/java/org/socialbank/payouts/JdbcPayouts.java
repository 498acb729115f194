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
            + "currency, reference, status, failure_reason, sent_at, sends, checks, created_at, updated_at";

    /** A row: the order as submitted, where it is, and the worker's counters. */
    record Row(
            PayoutOrder order,
            PayoutStatus status,
            String failureReason,
            Instant sentAt,
            int sends,
            int checks,
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
                        + "currency, reference, status, failure_reason, sent_at, sends, checks, due_at, lease_owner, "
                        + "lease_until, created_at, updated_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', NULL, NULL, 0, 0, ?, NULL, NULL, ?, ?)")
                .params(
                        order.id().value(),
                        kind,
                        number,
                        ifsc,
                        order.beneficiaryName(),
                        order.amountMinor(),
                        order.currency().code(),
                        order.reference(),
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

    /** The rail never received it: PENDING and unsent again, to be sent once due. */
    boolean resend(UUID id, String owner, Instant now, Instant due) {
        return jdbc.sql("UPDATE payouts SET status = 'PENDING', failure_reason = NULL, sent_at = NULL, due_at = ?, "
                                + "lease_owner = NULL, lease_until = NULL, updated_at = ? WHERE id = ? AND " + HELD)
                        .params(Timestamps.utc(due), Timestamps.utc(now), id, owner, Timestamps.utc(now))
                        .update()
                == 1;
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        ExternalAccount to = "in".equals(rs.getString("account_kind"))
                ? new IndianAccount(rs.getString("account_number"), rs.getString("ifsc"))
                : new Iban(rs.getString("account_number"));
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
                Timestamps.instant(rs, "created_at"),
                Timestamps.instant(rs, "updated_at"));
    }
}
