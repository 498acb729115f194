package org.socialbank.applications.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A page cursor of the unfulfilled list is read only as this server writes it. */
class UnfulfilledCursorUnitTests {

    private static String cursor(String approvals) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(("a:" + approvals + "|h:-").getBytes(StandardCharsets.UTF_8));
    }

    @Test
    @DisplayName("review 2026-12-07 reread: a cursor whose instant is a billion years away is no cursor (no 500)")
    void aFarInstantIsNoCursor() {
        UUID id = UUID.randomUUID();
        assertThat(UnfulfilledCursor.read(cursor("2026-12-07T17:00:00Z," + id))).isPresent();
        assertThat(UnfulfilledCursor.read(cursor("-1000000000-01-01T00:00:00Z," + id)))
                .isEmpty();
    }
}
