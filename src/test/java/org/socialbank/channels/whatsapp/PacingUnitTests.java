package org.socialbank.channels.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class PacingUnitTests {

    static final class Ticking extends Clock {
        Instant now = Instant.parse("2026-12-01T10:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void noMoreThanTheRateInAnySecond() {
        Ticking clock = new Ticking();
        Pacing pacing = new Pacing(clock, 3);
        assertThat(pacing.take("a")).isEmpty();
        assertThat(pacing.take("b")).isEmpty();
        clock.now = clock.now.plusMillis(500);
        assertThat(pacing.take("c")).isEmpty();
        assertThat(pacing.take("d")).isPresent();
        clock.now = clock.now.plusMillis(501); // the first two are more than a second old
        assertThat(pacing.take("d")).isEmpty();
        assertThat(pacing.take("e")).isEmpty();
        assertThat(pacing.take("f")).isPresent();
    }

    @Test
    void aPauseStopsEverythingAndAUsersPauseOnlyThatUser() {
        Ticking clock = new Ticking();
        Pacing pacing = new Pacing(clock, 100);
        pacing.pauseUser("a", Duration.ofSeconds(6));
        assertThat(pacing.take("a"))
                .hasValueSatisfying(r -> assertThat(r.reason()).contains("131056"));
        assertThat(pacing.take("b")).isEmpty();
        clock.now = clock.now.plusSeconds(6);
        assertThat(pacing.take("a")).isEmpty();
        pacing.pauseAll(Duration.ofSeconds(30), "130429");
        pacing.pauseAll(Duration.ofSeconds(5), "shorter"); // never shortens a pause
        clock.now = clock.now.plusSeconds(10);
        assertThat(pacing.take("b"))
                .hasValueSatisfying(r -> assertThat(r.reason()).contains("130429"));
        clock.now = clock.now.plusSeconds(21);
        assertThat(pacing.take("b")).isEmpty();
    }
}
