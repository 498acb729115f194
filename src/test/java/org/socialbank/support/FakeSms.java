package org.socialbank.support;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.socialbank.notifications.SmsDelivery;
import org.socialbank.notifications.SmsGateway;
import org.socialbank.notifications.SmsMessage;

/** The SMS provider is outside the bank: tests stand in for it and read what was sent. */
public final class FakeSms implements SmsGateway {

    private final List<SmsMessage> sent = new CopyOnWriteArrayList<>();
    private final Set<String> reportingLater = ConcurrentHashMap.newKeySet();

    @Override
    public SmsDelivery send(SmsMessage message) {
        sent.add(message);
        String id = "fake-" + UUID.randomUUID();
        return reportingLater.contains(message.toE164()) ? SmsDelivery.pending(id) : SmsDelivery.succeeded(id);
    }

    /** From now on, messages to this number are answered PENDING: accepted, a report would come later. */
    public void reportLater(String e164) {
        reportingLater.add(e164);
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
