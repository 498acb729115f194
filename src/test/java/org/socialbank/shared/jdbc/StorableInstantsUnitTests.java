package org.socialbank.shared.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.socialbank.alerts.AlertSmsFailures;
import org.socialbank.billing.PaymentsInDoubt;

/** A client's instant beyond what a timestamp column holds is refused as the client's, never a 500. */
class StorableInstantsUnitTests {

    static final String FAR = "-1000000000-01-01T00:00:00Z";

    @Test
    @DisplayName("review 2026-12-07 alerts follow-up: only instants of the years 1970 to 9999 are storable")
    void onlyTheYears1970To9999AreStorable() {
        assertThat(Timestamps.storable(Instant.EPOCH)).isTrue();
        assertThat(Timestamps.storable(Instant.parse("2026-12-07T17:00:00Z"))).isTrue();
        assertThat(Timestamps.storable(Instant.parse("9999-12-31T23:59:59Z"))).isTrue();
        assertThat(Timestamps.storable(Instant.EPOCH.minusNanos(1000))).isFalse();
        assertThat(Timestamps.storable(Instant.parse(FAR))).isFalse();
        assertThat(Timestamps.storable(Instant.parse("+1000000000-01-01T00:00:00Z")))
                .isFalse();
    }

    @Test
    @DisplayName("review 2026-12-07 alerts follow-up: a page cursor a billion years away is no cursor")
    void farCursorsAreNoCursors() {
        UUID id = UUID.randomUUID();
        assertThat(AlertSmsFailures.Cursor.parse("2026-12-07T17:00:00Z_" + id)).isPresent();
        assertThat(AlertSmsFailures.Cursor.parse(FAR + "_" + id)).isEmpty();
        assertThat(PaymentsInDoubt.Cursor.parse("2026-12-07T17:00:00Z," + id + ",STILL_CHECKING"))
                .isPresent();
        assertThat(PaymentsInDoubt.Cursor.parse(FAR + "," + id + ",STILL_CHECKING"))
                .isEmpty();
    }
}
