package org.socialbank.branches;

import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.socialbank.directory.Directory;
import org.socialbank.support.MutableClock;
import org.socialbank.support.TestStores;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What the appointment test classes on H2 share (review 2026-12-07 branches follow-up: each
 * repeated it): the store, the beans they drive, the customer and branch fixtures, and the clock
 * put back to the tests' Wednesday morning before each test. Each subclass keeps its own
 * {@code @SpringBootTest} (its settings) and {@code @Import} of the fakes and {@link
 * AppointmentTestClock}.
 */
abstract class AppointmentTestBase {

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        TestStores.h2(registry);
    }

    @Autowired
    Directory directory;

    @Autowired
    Branches branches;

    @Autowired
    Appointments appointments;

    @Autowired
    MutableClock clock;

    AppointmentFixtures fixtures;

    /** Runs before each subclass's own {@code @BeforeEach} (which must have another name). */
    @BeforeEach
    void appointmentFixtures() {
        fixtures = new AppointmentFixtures(directory, branches, appointments);
        clock.advance(Duration.between(clock.instant(), AppointmentTestClock.NOW));
    }
}
