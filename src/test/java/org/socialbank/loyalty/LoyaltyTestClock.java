package org.socialbank.loyalty;

import java.time.Instant;
import org.socialbank.support.MutableClock;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** A clock loyalty tests move by hand (past the journal's settling time, over the points' lifetime). */
@TestConfiguration(proxyBeanMethods = false)
class LoyaltyTestClock {

    static final Instant START = Instant.parse("2026-12-02T08:00:00Z");

    @Bean
    @Primary
    MutableClock mutableClock() {
        return new MutableClock(START);
    }
}
