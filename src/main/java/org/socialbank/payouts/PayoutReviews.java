package org.socialbank.payouts;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Marks for operations' review the payouts still unfinished (unsent, in flight or UNKNOWN)
 * {@code review-after} after they were recorded (review 2026-12-07 payout follow-up): nothing else
 * bounds how long a payout the rail keeps answering Unknown or Accepted about stays in doubt. The
 * janitor goes on asking the rail about them; the mark only makes them seen: a WARN, the counter
 * {@value #MARKED}, and {@code GET /api/v1/payouts?status=needs_review}. Runs in the worker's
 * round, after its sends and checks.
 */
@Component
class PayoutReviews {

    static final String MARKED = "socialbank.payouts.review.marked";

    private static final Logger log = LoggerFactory.getLogger(PayoutReviews.class);

    private final JdbcPayouts store;
    private final PayoutsProperties properties;
    private final Clock clock;
    private final Counter marked;

    PayoutReviews(JdbcPayouts store, PayoutsProperties properties, Clock clock, MeterRegistry meters) {
        this.store = store;
        this.properties = properties;
        this.clock = clock;
        this.marked = Counter.builder(MARKED)
                .description("Payouts marked for review, unfinished longer than socialbank.payouts.review-after")
                .register(meters);
    }

    /** Marks at most {@code batch-max} payouts unfinished longer than {@code review-after}; returns how many. */
    int markStale() {
        Instant now = clock.instant();
        int count = 0;
        for (UUID id : store.unfinishedUnmarked(now.minus(properties.reviewAfter()), properties.batchMax())) {
            if (store.markForReview(id, now)) {
                count++;
                marked.increment();
                log.warn(
                        "Payout {} is unfinished after socialbank.payouts.review-after ({}): marked for operations' "
                                + "review (GET /api/v1/payouts?status=needs_review)",
                        id,
                        properties.reviewAfter());
            }
        }
        return count;
    }
}
