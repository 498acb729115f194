package org.socialbank.directory;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** The janitor that fails step-up confirmations whose time ran out, so their operations are cancelled. */
@Component
class ExpireConfirmations {

    private static final Logger log = LoggerFactory.getLogger(ExpireConfirmations.class);
    private static final int BATCH_MAX = 200;

    private final Confirmations confirmations;

    ExpireConfirmations(Confirmations confirmations) {
        this.confirmations = confirmations;
    }

    @Scheduled(fixedDelayString = "PT30S", initialDelayString = "PT30S")
    void expireDue() {
        try {
            confirmations.expireDue(BATCH_MAX);
        } catch (RuntimeException e) {
            log.warn("Expiring confirmations failed; will try again", e);
        }
    }
}
