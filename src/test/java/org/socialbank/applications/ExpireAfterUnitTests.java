package org.socialbank.applications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@code socialbank.applications.expire-after} is validated at start-up, never clamped. */
class ExpireAfterUnitTests {

    @Test
    @DisplayName(
            "expire-after outside 1h..365d (or missing) stops the start with a clear message (review 2026-12-07 applications follow-up)")
    void expireAfterIsValidated() {
        assertThat(with(Duration.ofHours(1)).expireAfter()).isEqualTo(Duration.ofHours(1));
        assertThat(with(Duration.ofDays(365)).expireAfter()).isEqualTo(Duration.ofDays(365));
        for (Duration bad : new Duration[] {null, Duration.ofMinutes(59), Duration.ofDays(366), Duration.ZERO}) {
            assertThatThrownBy(() -> with(bad))
                    .as("%s", bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("socialbank.applications.expire-after must be 1h..365d");
        }
    }

    private static ApplicationsProperties with(Duration expireAfter) {
        return ApplicationsSettings.expireAfter(expireAfter);
    }
}
