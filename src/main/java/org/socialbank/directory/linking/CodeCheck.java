package org.socialbank.directory.linking;

/** What a code entered on a bank page did. */
public sealed interface CodeCheck {

    record Confirmed() implements CodeCheck {
    }

    /** Wrong; {@code attemptsLeft} more tries before the challenge fails. */
    record Wrong(int attemptsLeft) implements CodeCheck {
    }

    /** The last allowed attempt was wrong, or the challenge had already failed. */
    record Failed() implements CodeCheck {
    }

    record Expired() implements CodeCheck {
    }
}
