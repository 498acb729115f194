package org.socialbank.directory.challenges;

/** What a code entered on a bank page did. */
public sealed interface CodeCheck {

    record Confirmed() implements CodeCheck {}

    /** Wrong; {@code attemptsLeft} more tries before the challenge fails. */
    record Wrong(int attemptsLeft) implements CodeCheck {}

    /**
     * The last allowed attempt was wrong, or the challenge was no longer open;
     * {@code now} when this very check ended it.
     */
    record Failed(boolean now) implements CodeCheck {}

    /** The time was up; {@code now} when this very check found it out and closed the challenge. */
    record Expired(boolean now) implements CodeCheck {}

    /**
     * The customer's second factor is locked out (too many codes sent or typed wrong across all
     * links and step-ups, security review #6): the challenge is failed, whatever was typed.
     */
    record Locked(java.time.Instant until) implements CodeCheck {}
}
