package org.socialbank.console.staff;

import java.time.Instant;
import org.socialbank.console.StaffMember;

/** Where a sign-in stands after a step: outcomes as values, one page per kind. */
public sealed interface SignInStep {

    /** The password was right; the authenticator code is next, in the browser holding this token. */
    record CodeNeeded(String token) implements SignInStep {}

    /** Both steps passed: a session for this token. */
    record SignedIn(String token, StaffMember member) implements SignInStep {}

    /**
     * Wrong name, password or code, a code used before, or a locked account (then {@code
     * lockedUntil} says until when). Which of them is not said.
     */
    record Refused(Instant lockedUntil) implements SignInStep {}

    /** The code step came too late or without a password step: start again. */
    record Expired() implements SignInStep {}
}
