package org.socialbank.alerts;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.socialbank.alerts.jdbc.JdbcAlertSms;
import org.socialbank.directory.CustomerId;
import org.socialbank.shared.Uuids;
import org.socialbank.shared.jdbc.Timestamps;
import org.springframework.stereotype.Component;

/**
 * The alert SMS that failed, for staff (review 2026-12-07 alerts follow-up): FAILED (a budget
 * refused it, the gateway refused it, or its delivery report said failed) or UNKNOWN for good (no
 * report within {@code sms-reports.wait-max}, an id the gateway does not know, a node that stopped
 * while sending it). Counters and logs said how many; this says which, so that someone can reach
 * the customer another way when she was not told in a chat ({@code failureTold}). A failure shows the customer's id, her phone masked (never the whole
 * number), the alert's kind, the status and the gateway's reason; never the SMS's text, which
 * holds the amount. Pages run from the latest, by a cursor.
 */
@Component
public class AlertSmsFailures {

    /** The most failures one page holds. */
    public static final int LIMIT_MAX = 200;

    /**
     * One failed alert SMS. {@code settledAt} is when it became FAILED or UNKNOWN; {@code
     * failureTold} how the customer was told of it (reread 2026-12-08): {@code chat}, {@code
     * no_chat}, {@code before} (it failed before she could be), {@code gave_up} (the notice could
     * not be written), or empty: not yet (held in her quiet hours, or the next round).
     */
    public record Failure(
            UUID alertId,
            CustomerId customerId,
            String phoneMasked,
            AlertKind kind,
            String status,
            String reason,
            Instant queuedAt,
            Instant settledAt,
            Optional<String> failureTold) {}

    /** Where a page ends: the next page starts after it. Its token is opaque to callers. */
    public record Cursor(Instant settledAt, UUID alertId) {

        public String token() {
            return settledAt + "_" + alertId;
        }

        /** The cursor a token names; empty when it is not one this class wrote. */
        public static Optional<Cursor> parse(String token) {
            int cut = token.indexOf('_');
            if (cut < 0 || token.length() > 100) {
                return Optional.empty();
            }
            Optional<UUID> alert = Uuids.parse(token.substring(cut + 1));
            try {
                Instant at = Instant.parse(token.substring(0, cut));
                return Timestamps.storable(at) ? alert.map(id -> new Cursor(at, id)) : Optional.empty();
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
    }

    /** A page of failures, the latest first; {@code next} is empty on the last page. */
    public record Page(List<Failure> failures, Optional<Cursor> next) {}

    private final JdbcAlertSms store;

    AlertSmsFailures(JdbcAlertSms store) {
        this.store = store;
    }

    /**
     * The failures settled at or after {@code since}, after {@code after} when given, at most
     * {@code limit} (1..{@value #LIMIT_MAX}).
     */
    public Page page(Instant since, Optional<Cursor> after, int limit) {
        if (limit < 1 || limit > LIMIT_MAX) {
            throw new IllegalArgumentException("limit must be 1.." + LIMIT_MAX + ": " + limit);
        }
        List<JdbcAlertSms.FailedSms> rows = store.failed(
                since,
                after.map(Cursor::settledAt).orElse(null),
                after.map(Cursor::alertId).orElse(null),
                limit + 1);
        List<Failure> failures =
                rows.stream().limit(limit).map(AlertSmsFailures::failure).toList();
        Failure last = failures.isEmpty() ? null : failures.get(failures.size() - 1);
        Optional<Cursor> next =
                rows.size() > limit ? Optional.of(new Cursor(last.settledAt(), last.alertId())) : Optional.empty();
        return new Page(failures, next);
    }

    private static Failure failure(JdbcAlertSms.FailedSms row) {
        return new Failure(
                row.alertId(),
                row.customerId(),
                masked(row.toE164()),
                AlertKind.fromWireName(row.kind()).orElseThrow(),
                row.status(),
                row.reason(),
                row.queuedAt(),
                row.settledAt(),
                Optional.ofNullable(row.failureTold()));
    }

    /** "+33612345678" -> "+•••••••••78": the last two digits, enough to tell two numbers apart. */
    static String masked(String e164) {
        int shown = Math.min(2, Math.max(0, e164.length() - 1));
        return "+" + "•".repeat(e164.length() - 1 - shown) + e164.substring(e164.length() - shown);
    }
}
