package org.socialbank.sweeping;

import java.time.Instant;
import org.socialbank.support.MutableClock;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** A clock sweeping tests move by hand over months; it starts on Wednesday 2 December 2026, 9:00 in Paris. */
@TestConfiguration(proxyBeanMethods = false)
class SweepingTestClock {

    static final Instant START = Instant.parse("2026-12-02T08:00:00Z");

    @Bean
    @Primary
    MutableClock mutableClock() {
        return new MutableClock(START);
    }
}
