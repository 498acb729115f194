package org.socialbank.directory;

import java.time.Instant;

/** Where the bank's linking page is for a one-time link: what to show next. */
public sealed interface LinkStep {

    /** Unknown, expired or already used: ask the chat for a new link. */
    record Invalid() implements LinkStep {
    }

    /** Sign in with the bank's user name and password. */
    record SignIn(Network channel, boolean failed, Instant lockedUntil) implements LinkStep {
    }

    /** Type the code sent by SMS to the (masked) phone on file. */
    record EnterCode(Network channel, String maskedPhone, boolean wrong, int attemptsLeft) implements LinkStep {
    }

    /** The customer has no phone on file to send a code to. */
    record NoPhone() implements LinkStep {
    }

    /** Too many wrong codes: this link is cancelled. */
    record Cancelled() implements LinkStep {
    }

    /** Done: the chat account is now tied to the customer. */
    record Linked(Network channel, String maskedName) implements LinkStep {
    }
}
