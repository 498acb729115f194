package org.socialbank.ledger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The janitor that voids pending transfers whose timeout has passed. Several nodes may run it at
 * once: each expiry is an idempotent resolution of the pending transfer, so the second one is a
 * replay.
 */
@Component
class ExpirePendings {

    private static final Logger log = LoggerFactory.getLogger(ExpirePendings.class);

    private final Ledger ledger;

    ExpirePendings(Ledger ledger) {
        this.ledger = ledger;
    }

    @Scheduled(
            fixedDelayString = "${socialbank.ledger.expiry-interval:5s}",
            initialDelayString = "${socialbank.ledger.expiry-interval:5s}")
    void expireDue() {
        try {
            int expired = ledger.expireDue();
            if (expired > 0) {
                log.info("Expired {} pending transfers", expired);
            }
        } catch (RuntimeException e) {
            log.warn("Expiring pending transfers failed; will try again", e);
        }
    }
}
