package org.socialbank.conversation.engine;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.socialbank.shared.Network;

/**
 * The outbox relay's meters, tagged by channel: {@code socialbank.outbox.delay} and
 * {@code socialbank.outbox.undecodable}. Split out of {@link OutboxRelay} so the names and tags
 * that dashboards and docs/conversation-engine.md rely on are written once.
 */
final class RelayMetrics {

    private final MeterRegistry meters;
    private final Map<Network, Timer> delays = new ConcurrentHashMap<>();

    RelayMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    /**
     * {@code socialbank.outbox.delay}: from a reply's write (in its transaction) to the platform's
     * acceptance, retries and rate-limit waits included; what a customer waits once the bank decided.
     */
    void delivered(Network channel, Duration sinceWrite) {
        delays.computeIfAbsent(
                        channel,
                        c -> Timer.builder("socialbank.outbox.delay")
                                .description("From an outbox row's write to the platform accepting it")
                                .tag("channel", c.wireName())
                                .register(meters))
                .record(sinceWrite);
    }

    /** {@code socialbank.outbox.undecodable}: a row failed because its payload could not be read. */
    void undecodable(Network channel) {
        meters.counter("socialbank.outbox.undecodable", "channel", channel.wireName())
                .increment();
    }
}
