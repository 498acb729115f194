package org.socialbank.support;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.socialbank.notifications.SmsDelivery;
import org.socialbank.notifications.SmsGateway;
import org.socialbank.notifications.SmsMessage;
import org.socialbank.notifications.SmsReport;

/** The SMS provider is outside the bank: tests stand in for it and read what was sent. */
public final class FakeSms implements SmsGateway {

    private final List<SmsMessage> sent = new CopyOnWriteArrayList<>();
    private final Set<String> reportingLater = ConcurrentHashMap.newKeySet();
    private final Map<String, SmsReport> reports = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> asked = new ConcurrentHashMap<>();

    @Override
    public SmsDelivery send(SmsMessage message) {
        sent.add(message);
        String id = "fake-" + UUID.randomUUID();
        boolean later = reportingLater.contains(message.toE164());
        reports.put(id, later ? SmsReport.stillPending() : SmsReport.delivered());
        return later ? SmsDelivery.pending(id) : SmsDelivery.succeeded(id);
    }

    /** A message answered PENDING has no report yet, unless {@link #report} says; one answered SUCCEEDED was delivered. */
    @Override
    public SmsReport status(String deliveryId) {
        asked.computeIfAbsent(deliveryId, id -> new AtomicInteger()).incrementAndGet();
        return reports.getOrDefault(deliveryId, SmsReport.unknownId());
    }

    /** From now on, asking about this message answers {@code report}: the phone network has spoken. */
    public void report(String deliveryId, SmsReport report) {
        reports.put(deliveryId, report);
    }

    /** How many times the bank asked about this message. */
    public int asked(String deliveryId) {
        AtomicInteger times = asked.get(deliveryId);
        return times == null ? 0 : times.get();
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
