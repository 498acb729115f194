package org.socialbank.branches;

import java.time.Instant;
import org.socialbank.support.FakeSms;
import org.socialbank.support.MutableClock;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** The beans appointment tests share: the SMS provider's stand-in and a clock they move by hand. */
@TestConfiguration(proxyBeanMethods = false)
class AppointmentTestClock {

    /** Wednesday 2 December 2026, 9:00 in Paris: where every test that moves the clock starts. */
    static final Instant NOW = Instant.parse("2026-12-02T08:00:00Z");

    @Bean
    FakeSms fakeSms() {
        return new FakeSms();
    }

    @Bean
    @Primary
    MutableClock mutableClock() {
        return new MutableClock(NOW);
    }
}
