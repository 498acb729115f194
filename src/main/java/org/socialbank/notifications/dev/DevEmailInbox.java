package org.socialbank.notifications.dev;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.socialbank.notifications.EmailDelivery;
import org.socialbank.notifications.EmailGateway;
import org.socialbank.notifications.EmailMessage;
import org.socialbank.shared.jdbc.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The developer inbox as the {@link EmailGateway}: each e-mail is kept in {@code dev_email_inbox},
 * found by its address whatever its case.
 */
public class DevEmailInbox extends DevInbox<EmailInboxMessage> implements EmailGateway {

    private static final Table<EmailInboxMessage> TABLE = new Table<>(
            "dev_email_inbox",
            List.of("to_address", "subject", "body", "language"),
            "to_address",
            true,
            (rs, row) -> new EmailInboxMessage(
                    rs.getObject("id", UUID.class),
                    rs.getString("to_address"),
                    rs.getString("subject"),
                    rs.getString("body"),
                    rs.getString("language"),
                    Timestamps.instant(rs, "created_at")));

    DevEmailInbox(JdbcClient jdbc, Clock clock, int max) {
        super(jdbc, clock, max, TABLE);
    }

    @Override
    public EmailDelivery send(EmailMessage message) {
        return EmailDelivery.succeeded(keep(
                        message.to(),
                        message.subject(),
                        message.body(),
                        message.locale().toLanguageTag())
                .toString());
    }
}
