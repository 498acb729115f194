package org.socialbank.channels.x;

import java.time.Clock;
import java.time.Duration;
import org.socialbank.shared.jdbc.Retention;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Keeps {@code x_events} bounded: X's replay of missed events reaches a few days back, so rows
 * older than 30 days (as long as the engine's inbox keeps its own) are deleted hourly; and so are
 * {@code x_choice_sets} rows past {@code choice-ttl}, which no number can use any more.
 */
class XJanitor {

    static final Duration KEPT = Duration.ofDays(30);
    static final int BATCH_MAX = 1_000;

    private final XStore store;
    private final XChoices choices;
    private final Clock clock;

    XJanitor(XStore store, XChoices choices, Clock clock) {
        this.store = store;
        this.choices = choices;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT10M")
    int run() {
        int events = Retention.deleteInBatches(
                () -> store.deleteBefore(clock.instant().minus(KEPT), BATCH_MAX), BATCH_MAX);
        return events + Retention.deleteInBatches(() -> choices.deleteStale(BATCH_MAX), BATCH_MAX);
    }
}
