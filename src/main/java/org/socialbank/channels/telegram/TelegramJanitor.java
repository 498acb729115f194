package org.socialbank.channels.telegram;

import java.time.Clock;
import java.time.Duration;
import org.socialbank.shared.jdbc.Retention;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code telegram_updates} bounded: a row only matters while the platform may redeliver its
 * update (Telegram keeps one for 24 hours), so rows older than a week are deleted hourly.
 */
@Component
class TelegramJanitor {

    static final Duration KEPT = Duration.ofDays(7);
    static final int BATCH_MAX = 1_000;

    private final TelegramStore store;
    private final Clock clock;

    TelegramJanitor(TelegramStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT10M")
    int run() {
        return Retention.deleteInBatches(
                () -> store.deleteUpdatesBefore(clock.instant().minus(KEPT), BATCH_MAX), BATCH_MAX);
    }
}
