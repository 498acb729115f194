package org.socialbank.payments.requests;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The janitor that expires requests nobody paid in time, in bounded batches. Several nodes may
 * run it: each expiry is an UPDATE guarded by the open state and the expiry.
 */
@Component
class ExpireRequests {

    private static final Logger log = LoggerFactory.getLogger(ExpireRequests.class);

    private final CloseRequests closer;
    private final RequestsProperties properties;

    ExpireRequests(CloseRequests closer, RequestsProperties properties) {
        this.closer = closer;
        this.properties = properties;
    }

    @Scheduled(
            fixedDelayString = "${socialbank.payments.requests.expiry-interval:1m}",
            initialDelayString = "${socialbank.payments.requests.expiry-interval:1m}")
    void expire() {
        try {
            int expired = closer.expireDue(properties.expiryBatchMax());
            if (expired > 0) {
                log.info("Expired {} money requests nobody paid in time", expired);
            }
        } catch (RuntimeException e) {
            log.warn("Expiring money requests failed; will try again", e);
        }
    }
}
