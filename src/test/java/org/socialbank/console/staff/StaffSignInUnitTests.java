package org.socialbank.console.staff;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the audit keeps of a name nobody has: never what could be a password typed in the wrong field. */
class StaffSignInUnitTests {

    @Test
    void anUnknownNameIsKeptOnlyWhenItCouldBeAUserName() {
        assertThat(StaffSignIn.loggable("mallory")).isEqualTo("mallory");
        assertThat(StaffSignIn.loggable("Tr0ub4dor&3")).isEqualTo("(not a user name, 11 characters)");
        assertThat(StaffSignIn.loggable("")).isEqualTo("(not a user name, 0 characters)");
    }
}
