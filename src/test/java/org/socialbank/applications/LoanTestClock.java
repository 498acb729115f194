package org.socialbank.applications;

import java.time.Instant;
import org.socialbank.support.MutableClock;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** A clock loan tests move by hand, over a loan's months. */
@TestConfiguration(proxyBeanMethods = false)
class LoanTestClock {

    static final Instant START = Instant.parse("2027-01-15T08:00:00Z");

    @Bean
    @Primary
    MutableClock mutableClock() {
        return new MutableClock(START);
    }
}
