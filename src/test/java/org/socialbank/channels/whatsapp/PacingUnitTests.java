package org.socialbank.channels.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;

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

    /**
     * The database the nodes share, as {@link WhatsAppPauses} keeps it: a pause only ever moves
     * later. {@code down} makes every call fail as a database that cannot be reached does.
     */
    static final class SharedPauses implements Pacing.Shared {
        final Map<String, Pacing.Pause> rows = new HashMap<>();
        boolean down;
        int reads;

        @Override
        public synchronized void extend(String scope, Instant until, String reason) {
            failWhenDown();
            rows.merge(
                    scope,
                    new Pacing.Pause(scope, until, reason),
                    (a, b) -> b.until().isAfter(a.until()) ? b : a);
        }

        @Override
        public synchronized List<Pacing.Pause> active(Instant now, int max) {
            failWhenDown();
            reads++;
            List<Pacing.Pause> active = new ArrayList<>();
            rows.values().stream()
                    .filter(p -> p.until().isAfter(now))
                    .limit(max)
                    .forEach(active::add);
            return active;
        }

        private void failWhenDown() {
            if (down) {
                throw new DataAccessResourceFailureException("the database is down");
            }
        }
    }

    @Test
    void noMoreThanTheRateInAnySecond() {
        Ticking clock = new Ticking();
        Pacing pacing = new Pacing(clock, 3, new SharedPauses());
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
        Pacing pacing = new Pacing(clock, 100, new SharedPauses());
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

    @Test
    @DisplayName("review 2026-12-07 channels follow-up: a pause another node stored holds here from this node's next"
            + " read, at most a second later; a send between reads costs no query")
    void aPauseAnotherNodeStoredHoldsHereFromTheNextRead() {
        Ticking clock = new Ticking();
        SharedPauses shared = new SharedPauses();
        Pacing here = new Pacing(clock, 100, shared);
        Pacing there = new Pacing(clock, 100, shared);
        assertThat(here.take("a")).isEmpty();
        there.pauseAll(Duration.ofSeconds(30), "130429");
        there.pauseUser("b", Duration.ofSeconds(60));
        assertThat(here.take("a")).as("going by the read of this second").isEmpty();
        assertThat(shared.reads).isEqualTo(1);
        clock.now = clock.now.plus(Pacing.READ_EVERY);
        assertThat(here.take("a")).hasValueSatisfying(w -> {
            assertThat(w.reason()).contains("130429");
            assertThat(w.retryAfter()).isEqualTo(Duration.ofSeconds(29));
        });
        clock.now = clock.now.plusSeconds(30);
        assertThat(here.take("a")).as("the pause ended").isEmpty();
        assertThat(here.take("b"))
                .hasValueSatisfying(w -> assertThat(w.reason()).contains("131056"));
        assertThat(shared.reads).isEqualTo(3);
    }

    @Test
    @DisplayName("review 2026-12-07 channels follow-up: a shorter pause another node learns later shortens no node's")
    void aShorterPauseLearnedLaterShortensNothing() {
        Ticking clock = new Ticking();
        SharedPauses shared = new SharedPauses();
        Pacing here = new Pacing(clock, 100, shared);
        Pacing there = new Pacing(clock, 100, shared);
        here.pauseAll(Duration.ofSeconds(30), "130429");
        here.pauseUser("a", Duration.ofSeconds(60));
        clock.now = clock.now.plusSeconds(1);
        there.pauseAll(Duration.ofSeconds(5), "shorter");
        there.pauseUser("a", Duration.ofSeconds(6));
        assertThat(shared.rows.get(Pacing.EVERY_SEND).reason()).isEqualTo("130429");
        clock.now = clock.now.plusSeconds(10);
        for (Pacing node : List.of(here, there)) {
            assertThat(node.take("b"))
                    .hasValueSatisfying(w -> assertThat(w.reason()).contains("130429"));
        }
        clock.now = clock.now.plusSeconds(20);
        for (Pacing node : List.of(here, there)) {
            assertThat(node.take("b")).isEmpty();
            assertThat(node.take("a"))
                    .hasValueSatisfying(w -> assertThat(w.retryAfter()).isEqualTo(Duration.ofSeconds(29)));
        }
    }

    @Test
    @DisplayName("review 2026-12-07 channels follow-up: a database that cannot be read or written neither stops nor"
            + " fails a send, and a pause it did not take holds on this node")
    void aDatabaseThatFailsKeepsThePausesOfThisNode() {
        Ticking clock = new Ticking();
        SharedPauses shared = new SharedPauses();
        Pacing pacing = new Pacing(clock, 100, shared);
        shared.down = true;
        assertThat(pacing.take("a")).isEmpty();
        pacing.pauseAll(Duration.ofSeconds(30), "130429");
        shared.down = false;
        clock.now = clock.now.plusSeconds(2); // a read without the pause does not drop it
        assertThat(pacing.take("a"))
                .hasValueSatisfying(w -> assertThat(w.reason()).contains("130429"));
        clock.now = clock.now.plusSeconds(28);
        assertThat(pacing.take("a")).isEmpty();
    }

    @Test
    @DisplayName("review 2026-12-07 channels follow-up: a stored pause far in the future (a node's wrong clock) is"
            + " believed for PAUSE_MAX at most, and one deleted from the database ends at the next read")
    void aStoredPauseIsBelievedForPauseMaxAtMost() {
        Ticking clock = new Ticking();
        SharedPauses shared = new SharedPauses();
        Pacing pacing = new Pacing(clock, 100, shared);
        shared.extend(Pacing.EVERY_SEND, clock.now.plus(Duration.ofDays(30)), "skewed");
        assertThat(pacing.take("a"))
                .hasValueSatisfying(w -> assertThat(w.retryAfter()).isEqualTo(Pacing.PAUSE_MAX));
        pacing.pauseUser("b", Duration.ofMinutes(5));
        shared.rows.clear();
        clock.now = clock.now.plus(Pacing.READ_EVERY);
        assertThat(pacing.take("b")).isEmpty();
    }
}
