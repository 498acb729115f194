package org.socialbank.channels.whatsapp;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.socialbank.shared.jdbc.Retention;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Keeps the channel's tables bounded: Meta redelivers a webhook for up to 7 days and reports a
 * message's statuses within days, so event and message rows older than 30 days (as long as the
 * engine's inbox keeps its own) are deleted hourly, and so are the rate-limit pauses that ended
 * and the customer-service windows that ended more than an hour ago (review 2026-12-07 whatsapp
 * follow-up #5).
 */
class WhatsAppJanitor {

    static final Duration KEPT = Duration.ofDays(30);
    static final int BATCH_MAX = 1_000;
    /** A customer-service window's row is kept this long after the window ended, then deleted. */
    static final Duration WINDOW_KEPT_AFTER = Duration.ofHours(1);

    private final WhatsAppStore store;
    private final WhatsAppPauses pauses;
    private final Clock clock;

    WhatsAppJanitor(WhatsAppStore store, WhatsAppPauses pauses, Clock clock) {
        this.store = store;
        this.pauses = pauses;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT10M")
    int run() {
        Instant now = clock.instant();
        Instant windowsEnded = now.minus(WhatsAppProperties.WINDOW).minus(WINDOW_KEPT_AFTER);
        return Retention.deleteInBatches(() -> store.deleteBefore(now.minus(KEPT), BATCH_MAX), BATCH_MAX)
                + Retention.deleteInBatches(() -> pauses.deleteEndedBefore(now, BATCH_MAX), BATCH_MAX)
                + Retention.deleteInBatches(() -> store.deleteWindowsBefore(windowsEnded, BATCH_MAX), BATCH_MAX);
    }
}
