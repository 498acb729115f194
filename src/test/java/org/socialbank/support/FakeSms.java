package org.socialbank.support;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.socialbank.notifications.SmsDelivery;
import org.socialbank.notifications.SmsGateway;
import org.socialbank.notifications.SmsMessage;

/** The SMS provider is outside the bank: tests stand in for it and read what was sent. */
public final class FakeSms implements SmsGateway {

    private final List<SmsMessage> sent = new CopyOnWriteArrayList<>();

    @Override
    public SmsDelivery send(SmsMessage message) {
        sent.add(message);
        return SmsDelivery.succeeded("fake-" + UUID.randomUUID());
    }

    public List<SmsMessage> to(String e164) {
        return sent.stream().filter(m -> m.toE164().equals(e164)).toList();
    }

    /** The newest 6-digit code sent to the number. */
    public String lastCode(String e164) {
        List<SmsMessage> messages = to(e164);
        if (messages.isEmpty()) {
            throw new AssertionError("no SMS to " + e164);
        }
        Matcher m = Pattern.compile("\\b(\\d{6})\\b")
                .matcher(messages.get(messages.size() - 1).text());
        if (!m.find()) {
            throw new AssertionError(
                    "no code in " + messages.get(messages.size() - 1).text());
        }
        return m.group(1);
    }
}
