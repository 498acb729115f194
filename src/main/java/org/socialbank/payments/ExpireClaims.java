package org.socialbank.payments;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The janitor that gives unclaimed money back once its claim expired, in bounded batches.
 * Several nodes may run it: each return locks the payment and re-checks it first.
 */
@Component
class ExpireClaims {

    private static final Logger log = LoggerFactory.getLogger(ExpireClaims.class);

    private final ReturnPayment returns;
    private final PaymentsProperties properties;

    ExpireClaims(ReturnPayment returns, PaymentsProperties properties) {
        this.returns = returns;
        this.properties = properties;
    }

    @Scheduled(
            fixedDelayString = "${socialbank.payments.expiry-interval:30s}",
            initialDelayString = "${socialbank.payments.expiry-interval:30s}")
    void returnExpired() {
        try {
            int returned = returns.expireDue(properties.expiryBatchMax());
            if (returned > 0) {
                log.info("Returned {} unclaimed payments to their payers", returned);
            }
        } catch (RuntimeException e) {
            log.warn("Returning unclaimed payments failed; will try again", e);
        }
    }
}
