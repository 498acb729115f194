package org.socialbank.notifications.dev;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.socialbank.notifications.EmailDelivery;
import org.socialbank.notifications.EmailGateway;
import org.socialbank.notifications.EmailMessage;
import org.socialbank.shared.jdbc.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Keeps each e-mail in {@code dev_email_inbox} instead of sending it, so that a demo node's users
 * and the tests can read their codes; bounded to the newest {@code max} like the SMS inbox.
 */
public class DevEmailInbox implements EmailGateway {

    public static final int READ_MAX = Inboxes.READ_MAX;
    private static final String COLUMNS = "id, to_address, subject, body, language, created_at";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final int max;

    DevEmailInbox(JdbcClient jdbc, Clock clock, int max) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.max = max;
    }

    /** Stores the message: delivered, as far as this gateway goes. */
    @Override
    public EmailDelivery send(EmailMessage message) {
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO dev_email_inbox (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)")
                .params(id, message.to(), message.subject(), message.body(), message.locale().toLanguageTag(),
                        Timestamps.utc(clock.instant()))
                .update();
        Inboxes.trim(jdbc, "dev_email_inbox", max);
        return EmailDelivery.succeeded(id.toString());
    }

    /** The newest messages to anyone, newest first. */
    public List<EmailInboxMessage> newest(int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM dev_email_inbox ORDER BY seq DESC LIMIT ?")
                .param(Inboxes.checkLimit(limit)).query(DevEmailInbox::message).list();
    }

    /** The newest messages to one address (compared without case), newest first. */
    public List<EmailInboxMessage> newestTo(String address, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM dev_email_inbox WHERE LOWER(to_address) = ? "
                        + "ORDER BY seq DESC LIMIT ?")
                .params(address.toLowerCase(Locale.ROOT), Inboxes.checkLimit(limit))
                .query(DevEmailInbox::message).list();
    }

    private static EmailInboxMessage message(ResultSet rs, int row) throws SQLException {
        return new EmailInboxMessage(rs.getObject("id", UUID.class), rs.getString("to_address"),
                rs.getString("subject"), rs.getString("body"), rs.getString("language"),
                Timestamps.instant(rs, "created_at"));
    }
}
