package org.socialbank.support;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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
    private final Set<String> answeringUnknown = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicInteger> asked = new ConcurrentHashMap<>();
    private volatile ReportsHeld held;
    private volatile Duration reportTime = Duration.ZERO;

    @Override
    public SmsDelivery send(SmsMessage message) {
        sent.add(message);
        String id = "fake-" + UUID.randomUUID();
        if (answeringUnknown.contains(message.toE164())) {
            reports.put(id, SmsReport.stillPending());
            return SmsDelivery.unknown(id, "timeout after the request left");
        }
        boolean later = reportingLater.contains(message.toE164());
        reports.put(id, later ? SmsReport.stillPending() : SmsReport.delivered());
        return later ? SmsDelivery.pending(id) : SmsDelivery.succeeded(id);
    }

    /**
     * A message answered PENDING (or UNKNOWN) has no report yet, unless {@link #report} says; one
     * answered SUCCEEDED was delivered. Takes {@link #reportsTake} to answer, or waits while {@link
     * #holdReports} holds it.
     */
    @Override
    public SmsReport status(String deliveryId) {
        asked.computeIfAbsent(deliveryId, id -> new AtomicInteger()).incrementAndGet();
        ReportsHeld hold = held;
        if (hold != null) {
            hold.entered.countDown();
            await(hold.released);
        }
        if (!reportTime.isZero()) {
            sleep(reportTime);
        }
        return reports.getOrDefault(deliveryId, SmsReport.unknownId());
    }

    /** A report API that hangs: every question waits until {@link ReportsHeld#release()} (at most a minute). */
    public ReportsHeld holdReports() {
        ReportsHeld hold = new ReportsHeld(new CountDownLatch(1), new CountDownLatch(1));
        held = hold;
        return hold;
    }

    /** Questions held by {@link #holdReports}: {@code entered} once one is waiting. */
    public record ReportsHeld(CountDownLatch entered, CountDownLatch released) {

        /** Lets the held questions answer, and no longer holds new ones. */
        public void release() {
            released.countDown();
        }

        /** Waits until a question is held; false after {@code timeout}. */
        public boolean awaitEntered(Duration timeout) {
            try {
                return entered.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    /** Stops holding questions (see {@link #holdReports}) and lets the held ones answer. */
    public void stopHolding() {
        ReportsHeld hold = held;
        held = null;
        if (hold != null) {
            hold.release();
        }
    }

    /** From now on each question about a report takes {@code time}: a slow report API. */
    public void reportsTake(Duration time) {
        reportTime = time;
    }

    /** From now on, messages to this number are answered UNKNOWN with an id (a timeout after the request left). */
    public void answerUnknown(String e164) {
        answeringUnknown.add(e164);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(Duration time) {
        try {
            Thread.sleep(time.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
