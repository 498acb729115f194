package org.socialbank.console.staff;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What the audit keeps of a name nobody has: never the text, which may be a password typed in the wrong field. */
class StaffSignInUnitTests {

    @Test
    @DisplayName("an unknown name is kept only as its length, even when it looks like a user name"
            + " (review 2026-12-07 security follow-up)")
    void anUnknownNameIsKeptOnlyAsItsLength() {
        assertThat(StaffSignIn.unknownName("mallory")).isEqualTo("(unknown name, 7 characters)");
        assertThat(StaffSignIn.unknownName(" Tr0ub4dor&3 ")).isEqualTo("(unknown name, 11 characters)");
        assertThat(StaffSignIn.unknownName("")).isEqualTo("(unknown name, 0 characters)");
    }
}
