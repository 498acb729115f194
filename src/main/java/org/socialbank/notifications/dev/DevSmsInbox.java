package org.socialbank.notifications.dev;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.socialbank.notifications.SmsDelivery;
import org.socialbank.notifications.SmsGateway;
import org.socialbank.notifications.SmsMessage;
import org.socialbank.shared.jdbc.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The developer inbox as the {@link SmsGateway}: each text message is kept in {@code dev_sms_inbox}. */
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

    DevSmsInbox(JdbcClient jdbc, Clock clock, int max) {
        super(jdbc, clock, max, TABLE);
    }

    @Override
    public SmsDelivery send(SmsMessage message) {
        return SmsDelivery.succeeded(keep(message.toE164(), message.text()).toString());
    }
}
