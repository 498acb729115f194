package org.socialbank.notifications.dev;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.socialbank.notifications.SmsDelivery;
import org.socialbank.notifications.SmsGateway;
import org.socialbank.notifications.SmsMessage;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Keeps each message in {@code dev_sms_inbox} instead of sending it, so that a demo node's users
 * and the tests can read their codes. Each message removes all but the newest {@code max}, so
 * the table stays bounded however long a node runs.
 */
public class DevSmsInbox implements SmsGateway {

    public static final int READ_MAX = Inboxes.READ_MAX;
    private static final String COLUMNS = "id, to_e164, text, created_at";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final int max;

    DevSmsInbox(JdbcClient jdbc, Clock clock, int max) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.max = max;
    }

    /**
     * Stores the message: delivered, as far as this gateway goes. The insert and the trim need no
     * common transaction: a trim that fails is done by the next message.
     */
    @Override
    public SmsDelivery send(SmsMessage message) {
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO dev_sms_inbox (" + COLUMNS + ") VALUES (?, ?, ?, ?)")
                .params(id, message.toE164(), message.text(), OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .update();
        Inboxes.trim(jdbc, "dev_sms_inbox", max);
        return SmsDelivery.succeeded(id.toString());
    }

    /** The newest messages to anyone, newest first. */
    public List<InboxMessage> newest(int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM dev_sms_inbox ORDER BY seq DESC LIMIT ?")
                .param(Inboxes.checkLimit(limit)).query(DevSmsInbox::message).list();
    }

    /** The newest messages to one number, newest first. */
    public List<InboxMessage> newestTo(String toE164, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM dev_sms_inbox WHERE to_e164 = ? ORDER BY seq DESC LIMIT ?")
                .params(toE164, Inboxes.checkLimit(limit)).query(DevSmsInbox::message).list();
    }

    private static InboxMessage message(ResultSet rs, int row) throws SQLException {
        return new InboxMessage(rs.getObject("id", UUID.class), rs.getString("to_e164"), rs.getString("text"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }
}
