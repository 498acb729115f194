package org.socialbank.conversation.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Review 2026-12-07 (code health): {@code OutboxRelay} is the bean, lifecycle and dispatcher, and
 * its responsibilities (workers, leases, a chat's turn, the send, its outcome, waits, metrics) are
 * package-private classes beside it, each under STYLE.md's ~400 lines. Its behaviour is guarded by
 * {@link OutboxRelayContract}; this test keeps the split from growing back into one class.
 */
class OutboxRelayShapeUnitTests {

    private static final Path ENGINE = Path.of("src/main/java/org/socialbank/conversation/engine");

    @Test
    @DisplayName("review 2026-12-07 code health follow-up: the outbox relay and each of its parts stay under 400 lines")
    void theRelayIsSplitByResponsibility() throws IOException {
        for (String part : List.of(
                "OutboxRelay",
                "RelayWorkers",
                "RelayLeases",
                "RelayTurns",
                "RelaySends",
                "RelayOutcomes",
                "RelayWaits",
                "RelayMetrics")) {
            assertThat(Files.readAllLines(ENGINE.resolve(part + ".java")).size())
                    .as("lines of " + part + ".java")
                    .isLessThan(400);
        }
    }

    @Test
    @DisplayName("review 2026-12-07 code health follow-up: a rate limit's wait and a retry's backoff keep their bounds")
    void waitsKeepTheirBounds() {
        assertThat(RelayWaits.notNowWait(Duration.ZERO)).isEqualTo(Duration.ofMillis(100));
        assertThat(RelayWaits.notNowWait(Duration.ofSeconds(3))).isEqualTo(Duration.ofSeconds(3));
        assertThat(RelayWaits.notNowWait(Duration.ofDays(1))).isEqualTo(Duration.ofHours(1));
        RelayWaits waits = new RelayWaits(Duration.ofSeconds(1));
        assertThat(waits.backoff(1)).isBetween(Duration.ofMillis(500), Duration.ofMillis(1500));
        assertThat(waits.backoff(3)).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(6));
        assertThat(waits.backoff(40)).isBetween(Duration.ofMinutes(30), Duration.ofMinutes(90));
    }
}
