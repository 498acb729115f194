package org.socialbank.alerts.jdbc;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.socialbank.directory.CustomerId;
import org.socialbank.shared.jdbc.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@code alert_sms}, the SMS outbox of alerts no chat could carry: queued PENDING, claimed SENDING,
 * HANDED just before the gateway is called, then what the gateway answered; an ACCEPTED one (and an
 * UNKNOWN one with the gateway's id) waits for its delivery report, which a janitor asks for.
 * Every move is conditional on the row being as read, so two nodes never both send, nor both ask.
 */
@Repository
public class JdbcAlertSms {

    private final JdbcClient jdbc;

    JdbcAlertSms(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The SMS outbox row of an alert no chat could carry. */
    public void insertSms(UUID alertId, CustomerId customer, String toE164, String text, Instant at) {
        jdbc.sql("INSERT INTO alert_sms (alert_id, customer_id, to_e164, text, status, created_at, updated_at) "
                        + "VALUES (?, ?, ?, ?, 'PENDING', ?, ?)")
                .params(alertId, customer.value(), toE164, text, Timestamps.utc(at), Timestamps.utc(at))
                .update();
    }

    /**
     * An SMS waiting to be sent: status PENDING, which this outbox keeps for "not sent yet" (a
     * message the gateway accepted is ACCEPTED, and is never taken again).
     */
    public record PendingSms(UUID alertId, String toE164, String text) {}

    public List<PendingSms> pendingSms(int limit) {
        return jdbc.sql("SELECT alert_id, to_e164, text FROM alert_sms WHERE status = 'PENDING' ORDER BY created_at, "
                        + "alert_id LIMIT ?")
                .param(limit)
                .query((rs, n) -> new PendingSms(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3)))
                .list();
    }

    /**
     * Takes a pending SMS for this node under {@code claim}: false when another node took it first.
     * SENDING says only "claimed": the gateway has not been called yet.
     */
    public boolean claimSms(UUID alertId, UUID claim, Instant at) {
        return jdbc.sql("UPDATE alert_sms SET status = 'SENDING', claim_id = ?, updated_at = ? WHERE alert_id = ? "
                                + "AND status = 'PENDING'")
                        .params(claim, Timestamps.utc(at), alertId)
                        .update()
                == 1;
    }

    /**
     * Marks a claimed SMS HANDED, "it may have left": the last write before the gateway is called,
     * committed with the send budgets' take. False when the claim is no longer this node's (it was
     * abandoned and queued again meanwhile): then the gateway must not be called.
     */
    public boolean handSms(UUID alertId, UUID claim, Instant at) {
        return jdbc.sql("UPDATE alert_sms SET status = 'HANDED', updated_at = ? WHERE alert_id = ? AND claim_id = ? "
                                + "AND status = 'SENDING'")
                        .params(Timestamps.utc(at), alertId, claim)
                        .update()
                == 1;
    }

    /**
     * Records the answer to this node's claim (refused by a budget before the gateway, or the
     * gateway's answer). An ACCEPTED one, and an UNKNOWN one whose answer carries the gateway's id
     * of the message (review 2026-12-07 alerts follow-up, V104), await a delivery report.
     */
    public void settleSms(UUID alertId, UUID claim, String status, String deliveryId, String reason, Instant at) {
        jdbc.sql("UPDATE alert_sms SET status = ?, delivery_id = ?, reason = ?, report_awaited = ?, updated_at = ? "
                        + "WHERE alert_id = ? AND claim_id = ? AND status IN ('SENDING', 'HANDED')")
                .params(
                        status,
                        deliveryId,
                        reason,
                        awaitsReport(status, deliveryId),
                        Timestamps.utc(at),
                        alertId,
                        claim)
                .update();
    }

    /** Whether the gateway's answer leaves something to ask it about later: it gave an id and no final word. */
    static boolean awaitsReport(String status, String deliveryId) {
        return deliveryId != null && (status.equals("ACCEPTED") || status.equals("UNKNOWN"));
    }

    /** Gives back a claim that never reached the gateway (nothing was sent): the SMS is queued again. */
    public void releaseSms(UUID alertId, UUID claim, Instant at) {
        jdbc.sql("UPDATE alert_sms SET status = 'PENDING', claim_id = NULL, updated_at = ? WHERE alert_id = ? "
                        + "AND claim_id = ? AND status = 'SENDING'")
                .params(Timestamps.utc(at), alertId, claim)
                .update();
    }

    /**
     * Claims left before {@code before} by a node that stopped or lost its store (review 2026-12-07
     * alerts follow-up #1). One never HANDED never reached the gateway: it is queued again. One
     * HANDED may have left: UNKNOWN, never sent again. Each move is conditional on the row being as
     * read, so nodes doing this at once move a row once. At most {@code limit} rows; answers how
     * many moved.
     */
    public int abandonSms(Instant before, int limit) {
        record Stuck(UUID alertId, String status) {}
        List<Stuck> stuck = jdbc.sql("SELECT alert_id, status FROM alert_sms WHERE status IN ('SENDING', 'HANDED') "
                        + "AND updated_at < ? ORDER BY updated_at LIMIT ?")
                .params(Timestamps.utc(before), limit)
                .query((rs, n) -> new Stuck(rs.getObject(1, UUID.class), rs.getString(2)))
                .list();
        int moved = 0;
        for (Stuck row : stuck) {
            boolean handed = row.status().equals("HANDED");
            moved += jdbc.sql("UPDATE alert_sms SET status = ?, claim_id = NULL, reason = ?, updated_at = ? "
                            + "WHERE alert_id = ? AND status = ? AND updated_at < ?")
                    .params(
                            handed ? "UNKNOWN" : "PENDING",
                            handed ? "the node sending it stopped before the gateway answered" : null,
                            Timestamps.utc(before),
                            row.alertId(),
                            row.status(),
                            Timestamps.utc(before))
                    .update();
        }
        return moved;
    }

    /**
     * An SMS waiting for its delivery report ({@code report_awaited}, V104): one the gateway
     * accepted (ACCEPTED, its PENDING), or one the send left UNKNOWN with the gateway's id of it.
     *
     * @param status ACCEPTED or UNKNOWN, as the row is
     * @param queuedAt when the alert was queued as an SMS: the janitor gives up on a report after
     *     {@code sms-reports.wait-max} from then
     */
    public record AwaitingSms(UUID alertId, String status, String deliveryId, Instant queuedAt) {}

    /**
     * SMS awaiting a report untouched since before {@code before} (answered then, or last asked
     * about then), the longest untouched first, at most {@code limit}.
     */
    public List<AwaitingSms> awaitingReport(Instant before, int limit) {
        return jdbc.sql("SELECT alert_id, status, delivery_id, created_at FROM alert_sms WHERE report_awaited = TRUE "
                        + "AND updated_at < ? ORDER BY updated_at, alert_id LIMIT ?")
                .params(Timestamps.utc(before), limit)
                .query((rs, n) -> new AwaitingSms(
                        rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), Timestamps.instant(rs, 4)))
                .list();
    }

    /**
     * Takes an SMS awaiting its report for one question to the gateway: moves its {@code
     * updated_at} to {@code at}, so that no node (this one included) asks again before {@code
     * recheck-after}. False when another node took it first, or its report came meanwhile.
     */
    public boolean claimReport(UUID alertId, Instant before, Instant at) {
        return jdbc.sql("UPDATE alert_sms SET updated_at = ? WHERE alert_id = ? AND report_awaited = TRUE "
                                + "AND updated_at < ?")
                        .params(Timestamps.utc(at), alertId, Timestamps.utc(before))
                        .update()
                == 1;
    }

    /**
     * Records what became of an SMS awaiting its report: SUCCEEDED, FAILED or UNKNOWN (for good),
     * with why for the last two; it awaits nothing more and is never asked about again.
     */
    public boolean reportSms(UUID alertId, String status, String reason, Instant at) {
        return jdbc.sql("UPDATE alert_sms SET status = ?, reason = ?, report_awaited = FALSE, updated_at = ? "
                                + "WHERE alert_id = ? AND report_awaited = TRUE")
                        .params(status, reason, Timestamps.utc(at), alertId)
                        .update()
                == 1;
    }

    /**
     * An alert SMS that failed for good: FAILED (refused by a budget, or the gateway's or its
     * delivery report's answer) or UNKNOWN awaiting no report any more. The text is not read: it
     * holds the amount. {@code failureTold} says how she was told of it (V124, V129): {@code chat},
     * {@code no_chat}, {@code before} (failed before she could be), {@code gave_up}, or null (not yet).
     */
    public record FailedSms(
            UUID alertId,
            CustomerId customerId,
            String toE164,
            String kind,
            String status,
            String reason,
            Instant queuedAt,
            Instant settledAt,
            String failureTold) {}

    private static final String FAILED_SMS = "SELECT s.alert_id, s.customer_id, s.to_e164, a.kind, s.status, s.reason, "
            + "s.created_at, s.updated_at, s.failure_told FROM alert_sms s JOIN transaction_alerts a ON a.id = s.alert_id "
            + "WHERE s.status IN ('FAILED', 'UNKNOWN') AND s.report_awaited = FALSE AND s.updated_at >= ? ";

    /**
     * The failed alert SMS settled since {@code since}, the latest first (settled at, then alert
     * id, descending), after the page that ended at ({@code beforeAt}, {@code beforeId}) when
     * those are given; at most {@code limit}. A settled row is not moved again, so pages hold.
     */
    public List<FailedSms> failed(Instant since, Instant beforeAt, UUID beforeId, int limit) {
        String order = "ORDER BY s.updated_at DESC, s.alert_id DESC LIMIT ?";
        var sql = beforeAt == null
                ? jdbc.sql(FAILED_SMS + order).params(Timestamps.utc(since), limit)
                : jdbc.sql(FAILED_SMS + "AND (s.updated_at < ? OR (s.updated_at = ? AND s.alert_id < ?)) " + order)
                        .params(
                                Timestamps.utc(since),
                                Timestamps.utc(beforeAt),
                                Timestamps.utc(beforeAt),
                                beforeId,
                                limit);
        return sql.query((rs, n) -> new FailedSms(
                        rs.getObject(1, UUID.class),
                        new CustomerId(rs.getObject(2, UUID.class)),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        Timestamps.instant(rs, 7),
                        Timestamps.instant(rs, 8),
                        rs.getString(9)))
                .list();
    }

    /**
     * An alert SMS that failed for good and whose customer was not told of it yet.
     *
     * @param status FAILED (it did not reach the phone) or UNKNOWN (nobody could confirm it did)
     */
    public record UntoldFailure(UUID alertId, CustomerId customerId, String toE164, String status) {}

    private static final String FAILED_FOR_GOOD = "status IN ('FAILED', 'UNKNOWN') AND report_awaited = FALSE";

    /**
     * The failed alert SMS nobody told their customer of and not held until after {@code now}, the
     * oldest first; at most {@code limit}. The index {@code alert_sms_failure_untold} (V129) leads
     * with this query's equalities ({@code failure_told}, {@code status}, {@code report_awaited}):
     * the delivered SMS, whose {@code failure_told} stays empty for good, are not read.
     */
    public List<UntoldFailure> untoldFailures(Instant now, int limit) {
        return jdbc.sql("SELECT alert_id, customer_id, to_e164, status FROM alert_sms WHERE failure_told IS NULL AND "
                        + FAILED_FOR_GOOD + " AND (failure_tell_after IS NULL OR failure_tell_after <= ?) "
                        + "ORDER BY updated_at, alert_id LIMIT ?")
                .params(Timestamps.utc(now), limit)
                .query((rs, n) -> new UntoldFailure(
                        rs.getObject(1, UUID.class),
                        new CustomerId(rs.getObject(2, UUID.class)),
                        rs.getString(3),
                        rs.getString(4)))
                .list();
    }

    /**
     * Records how the customer was told of a failed alert SMS: {@code chat}, {@code no_chat} or
     * {@code gave_up}. False when it was recorded already (another node told her): then nothing is
     * to be sent.
     */
    public boolean markTold(UUID alertId, String how, Instant at) {
        return jdbc.sql("UPDATE alert_sms SET failure_told = ?, failure_told_at = ? WHERE alert_id = ? "
                                + "AND failure_told IS NULL AND " + FAILED_FOR_GOOD)
                        .params(how, Timestamps.utc(at), alertId)
                        .update()
                == 1;
    }

    /** Holds the notice of an untold failure until {@code until} (her quiet hours' end). */
    public void holdTelling(UUID alertId, Instant until) {
        jdbc.sql("UPDATE alert_sms SET failure_tell_after = ? WHERE alert_id = ? AND failure_told IS NULL")
                .params(Timestamps.utc(until), alertId)
                .update();
    }

    /**
     * Counts a try to tell of a failure that threw; after {@code triesMax} of them it is marked
     * {@code gave_up}, so that it no longer stands first in every round. Answers whether it was.
     */
    public boolean failedTelling(UUID alertId, int triesMax, Instant at) {
        jdbc.sql("UPDATE alert_sms SET failure_tell_tries = failure_tell_tries + 1 WHERE alert_id = ? "
                        + "AND failure_told IS NULL")
                .param(alertId)
                .update();
        return jdbc.sql("UPDATE alert_sms SET failure_told = 'gave_up', failure_told_at = ? WHERE alert_id = ? "
                                + "AND failure_told IS NULL AND failure_tell_tries >= ?")
                        .params(Timestamps.utc(at), alertId, triesMax)
                        .update()
                == 1;
    }
}
