package org.socialbank.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Issue 14 item 4: one microsecond clock instead of a truncation in every use case. */
class MicrosecondsUnitTests {

    @Test
    void nowIsTheClocksInstantWithoutItsNanoseconds() {
        Clock clock = Clock.fixed(Instant.parse("2026-12-02T10:15:30.123456789Z"), ZoneOffset.UTC);

        assertThat(Microseconds.now(clock)).isEqualTo(Instant.parse("2026-12-02T10:15:30.123456Z"));
    }

    @Test
    void anInstantAlreadyInMicrosecondsIsKept() {
        Instant micros = Instant.parse("2026-12-02T10:15:30.000001Z");

        assertThat(Microseconds.cut(micros)).isEqualTo(micros);
        assertThat(Microseconds.cut(micros.plusNanos(999))).isEqualTo(micros);
    }
}
