package org.socialbank.notifications.dev;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.socialbank.notifications.SmsDelivery;
import org.socialbank.notifications.SmsGateway;
import org.socialbank.notifications.SmsMessage;
import org.socialbank.notifications.SmsReport;
import org.socialbank.shared.Uuids;
import org.socialbank.shared.jdbc.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The developer inbox as the {@link SmsGateway}: each text message is kept in {@code dev_sms_inbox}.
 * It answers a message SUCCEEDED, or PENDING when {@code reportsLater} (as most real gateways do:
 * taken, a report to come), and reports a kept message delivered when asked, unless a developer
 * or a test said otherwise ({@link #report}): so the delivery-report path can be tried without a
 * provider (review 2026-12-07 alerts follow-up).
 */
public class DevSmsInbox extends DevInbox<InboxMessage> implements SmsGateway {

    private static final Table<InboxMessage> TABLE = new Table<>(
            "dev_sms_inbox",
            List.of("to_e164", "text"),
            "to_e164",
            false,
            (rs, row) -> new InboxMessage(
                    rs.getObject("id", UUID.class),
                    rs.getString("to_e164"),
                    rs.getString("text"),
                    Timestamps.instant(rs, "created_at")));

    private final JdbcClient jdbc;
    private final boolean reportsLater;

    DevSmsInbox(JdbcClient jdbc, Clock clock, int max, boolean reportsLater) {
        super(jdbc, clock, max, TABLE);
        this.jdbc = jdbc;
        this.reportsLater = reportsLater;
    }

    @Override
    public SmsDelivery send(SmsMessage message) {
        String id = keep(message.toE164(), message.text()).toString();
        return reportsLater ? SmsDelivery.pending(id) : SmsDelivery.succeeded(id);
    }

    /**
     * A kept message is delivered, unless {@link #report} said otherwise; one the inbox no longer
     * keeps (trimmed beyond its bound) or never kept is an unknown id, as it would be to a gateway.
     */
    @Override
    public SmsReport status(String deliveryId) {
        Optional<UUID> id = Uuids.parse(deliveryId);
        if (id.isEmpty()) {
            return SmsReport.unknownId();
        }
        record Row(String report, String reason) {}
        return jdbc.sql("SELECT report, report_reason FROM dev_sms_inbox WHERE id = ?")
                .param(id.get())
                .query((rs, n) -> new Row(rs.getString(1), rs.getString(2)))
                .optional()
                .map(row -> asReport(row.report(), row.reason()))
                .orElseGet(SmsReport::unknownId);
    }

    private static SmsReport asReport(String report, String reason) {
        if (report == null) {
            return SmsReport.delivered();
        }
        return switch (report) {
            case "FAILED" -> SmsReport.failed(reason);
            case "PENDING" -> SmsReport.stillPending();
            default -> throw new IllegalStateException("dev_sms_inbox.report is " + report);
        };
    }

    /**
     * What asking about a kept message answers from now on: a developer (or a test) playing the
     * phone network. An unknown id cannot be chosen: it is what a message the inbox no longer
     * keeps answers. False when the inbox keeps no such message.
     */
    public boolean report(String deliveryId, SmsReport report) {
        if (report instanceof SmsReport.UnknownId) {
            throw new IllegalArgumentException("an unknown id is what a message no longer kept answers");
        }
        Optional<UUID> id = Uuids.parse(deliveryId);
        if (id.isEmpty()) {
            return false;
        }
        String value = report instanceof SmsReport.Failed
                ? "FAILED"
                : report instanceof SmsReport.StillPending ? "PENDING" : null;
        String reason = report instanceof SmsReport.Failed f ? f.reason() : null;
        return jdbc.sql("UPDATE dev_sms_inbox SET report = ?, report_reason = ? WHERE id = ?")
                        .params(value, reason, id.get())
                        .update()
                == 1;
    }
}
