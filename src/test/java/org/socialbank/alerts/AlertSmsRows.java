package org.socialbank.alerts;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The alerts module's fixture for alert SMS: an alert sent by SMS to {@link #PHONE}, whose text
 * holds {@link #AMOUNT}, and its outbox row as the send or the reports' janitor left it ({@code
 * JdbcAlertSms}), for the tests of the list of failed alert SMS (API and console).
 */
public final class AlertSmsRows {

    public static final String PHONE = "+33612345678";
    /** The phone as the list shows it. */
    public static final String PHONE_MASKED = "+•••••••••78";

    public static final String AMOUNT = "1 234,56";
    /** The SMS's text, which no list shows. */
    public static final String TEXT = "Money out: " + AMOUNT + " EUR on 5 Jan 10:00";

    private final JdbcClient jdbc;

    public AlertSmsRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An outgoing alert of 1,234.56 EUR sent by SMS, its row {@code status} since {@code settledAt}: its id. */
    public UUID sms(String status, String deliveryId, boolean awaited, String reason, Instant settledAt) {
        UUID alert = UUID.randomUUID();
        UUID customer = UUID.randomUUID();
        OffsetDateTime queued = utc(settledAt.minusSeconds(600));
        jdbc.sql("INSERT INTO transaction_alerts (id, transfer_id, account_id, customer_id, kind, amount_minor, "
                        + "currency, balance_after_minor, counterparty, posted_at, status, due_at) "
                        + "VALUES (?, ?, ?, ?, 'outgoing', 123456, 'EUR', 1000, 'Bob', ?, 'sms', ?)")
                .params(alert, UUID.randomUUID(), UUID.randomUUID(), customer, queued, queued)
                .update();
        jdbc.sql("INSERT INTO alert_sms (alert_id, customer_id, to_e164, text, status, delivery_id, reason, "
                        + "report_awaited, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(alert, customer, PHONE, TEXT, status, deliveryId, reason, awaited, queued, utc(settledAt))
                .update();
        return alert;
    }

    /** Marks how the customer of an alert's failed SMS was told of it (V124, V129). */
    public void told(UUID alert, String how) {
        jdbc.sql("UPDATE alert_sms SET failure_told = ?, failure_told_at = updated_at WHERE alert_id = ?")
                .params(how, alert)
                .update();
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
