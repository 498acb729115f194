package org.socialbank.channels.whatsapp;

import java.time.Clock;
import java.time.Duration;
import org.socialbank.shared.jdbc.Retention;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Keeps the channel's tables bounded: Meta redelivers a webhook for up to 7 days and reports a
 * message's statuses within days, so event and message rows older than 30 days (as long as the
 * engine's inbox keeps its own) are deleted hourly.
 */
class WhatsAppJanitor {

    static final Duration KEPT = Duration.ofDays(30);
    static final int BATCH_MAX = 1_000;

    private final WhatsAppStore store;
    private final Clock clock;

    WhatsAppJanitor(WhatsAppStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT10M")
    int run() {
        return Retention.deleteInBatches(
                () -> store.deleteBefore(clock.instant().minus(KEPT), BATCH_MAX), BATCH_MAX);
    }
}
