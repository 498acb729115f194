package org.socialbank.console.dashboard;

import java.time.Instant;
import java.util.List;
import org.socialbank.console.QueueFigures;

/**
 * One reading of the dashboard.
 *
 * @param conversations conversations by channel and customer language (empty: not linked)
 * @param hours payments and ledger transfers in each of the last 24 hours, oldest first
 * @param sends outbox messages by channel and state
 * @param alerts transaction alerts by state
 */
public record DashboardNumbers(
        Instant at,
        List<Conversations> conversations,
        List<Hour> hours,
        List<Sends> sends,
        List<Count> alerts,
        List<QueueFigures.Queue> queues,
        long handedOver24h) {

    /**
     * The handoff rate of the last 24 hours: conversations handed to a person per conversation
     * active in that time, in per cent rounded to one decimal; empty when none was active.
     */
    public java.util.Optional<Double> handoffRatePercent() {
        long active = conversations.stream().mapToLong(Conversations::active24h).sum();
        return active == 0
                ? java.util.Optional.empty()
                : java.util.Optional.of(Math.round(handedOver24h * 1000.0 / active) / 10.0);
    }

    /** Conversations of a channel in a language: all of them, and those active in the last 24 hours. */
    public record Conversations(String channel, String language, long total, long active24h) {}

    /** One hour starting at {@code start}: payments made, of them completed, and ledger transfers posted. */
    public record Hour(Instant start, long payments, long completed, long transfers) {}

    /** A channel's outbox: waiting, sent, failed, unknown (sent, but no answer from the platform). */
    public record Sends(String channel, long pending, long succeeded, long failed, long unknown) {}

    public record Count(String key, long count) {}

    /** Payments in each of the last 24 hours, one bar an hour (labelled {@code HH}, UTC, every third). */
    public BarChart paymentsChart() {
        return BarChart.timed(
                hours.stream().map(h -> hourLabel(h.start())).toList(),
                hours.stream().map(h -> h.start().getEpochSecond()).toList(),
                hours.stream().map(Hour::payments).toList(),
                3);
    }

    /** Messages sent per channel (what the platforms took). */
    public BarChart sendsChart() {
        return BarChart.of(
                sends.stream().map(Sends::channel).limit(BarChart.BARS_MAX).toList(),
                sends.stream().map(Sends::succeeded).limit(BarChart.BARS_MAX).toList(),
                1);
    }

    /** Conversations per channel, every language together. */
    public BarChart conversationsChart() {
        java.util.Map<String, Long> byChannel = new java.util.TreeMap<>();
        conversations.forEach(c -> byChannel.merge(c.channel(), c.total(), Long::sum));
        List<String> channels =
                byChannel.keySet().stream().limit(BarChart.BARS_MAX).toList();
        return BarChart.of(channels, channels.stream().map(byChannel::get).toList(), 1);
    }

    private static String hourLabel(Instant start) {
        int hour = start.atZone(java.time.ZoneOffset.UTC).getHour();
        return (hour < 10 ? "0" : "") + hour;
    }
}
