package org.socialbank.payments;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The janitor that gives a failed payout's held money back once the payer's account takes it
 * again (unfrozen), in bounded batches. Several nodes may run it: each try is claimed first with
 * a conditional update, so one node makes it (review 2026-12-07 money #7). Each refusal doubles
 * the wait before the next try, up to {@code return-retry-max}; a closed account's is not tried
 * again (review 2026-12-07 money follow-up).
 */
@Component
class RetryHeldReturns {

    private static final Logger log = LoggerFactory.getLogger(RetryHeldReturns.class);

    private final ClaimPayouts payouts;
    private final PaymentsProperties properties;

    RetryHeldReturns(ClaimPayouts payouts, PaymentsProperties properties) {
        this.payouts = payouts;
        this.properties = properties;
    }

    @Scheduled(
            fixedDelayString = "${socialbank.payments.return-retry-interval:10m}",
            initialDelayString = "${socialbank.payments.return-retry-interval:10m}")
    void retry() {
        try {
            int returned = payouts.retryHeld(properties.expiryBatchMax());
            if (returned > 0) {
                log.info("Returned {} held payouts' money to their payers", returned);
            }
        } catch (RuntimeException e) {
            log.warn("Returning held payouts' money failed; will try again", e);
        }
    }
}
