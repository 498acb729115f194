package org.socialbank.listening.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.socialbank.shared.jdbc.Timestamps;
import org.socialbank.shared.web.BadRequest;

/** The mentions' instants are held to the range every client's instant is: {@link Timestamps#storable}. */
class MentionsControllerUnitTests {

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "1970-01-01T00:00:00Z",
                "1969-12-31T23:59:59.999999999Z",
                "2026-12-07T10:15:30Z",
                "9999-12-31T23:59:59.999999Z",
                "9999-12-31T23:59:59.9999995Z",
                "+10000-01-01T00:00:00Z",
                "+1000000000-12-31T23:59:59Z"
            })
    @DisplayName(
            "an instant is a mention's exactly when Timestamps.storable says so, else a 400 (review 2026-12-07 listening follow-up)")
    void anInstantIsTakenExactlyWhenStorable(String value) {
        Instant parsed = Instant.parse(value);
        if (Timestamps.storable(parsed)) {
            assertThat(MentionsController.instant(value)).isEqualTo(parsed);
        } else {
            assertThatThrownBy(() -> MentionsController.instant(value))
                    .isInstanceOf(BadRequest.class)
                    .hasMessageContaining("1970 to 9999");
        }
    }
}
