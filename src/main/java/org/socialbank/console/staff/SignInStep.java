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
     * Wrong name, password or code, a code used before, or a locked account. Which of them is not
     * said: {@code lockedUntil} is null after the password step, and says until when the account
     * is locked only at the code step, to someone who gave its password.
     */
    record Refused(Instant lockedUntil) implements SignInStep {}

    /** The code step came too late or without a password step: start again. */
    record Expired() implements SignInStep {}
}
