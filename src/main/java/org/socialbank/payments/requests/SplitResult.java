package org.socialbank.payments.requests;

/** The answer to splitting a bill: a business "no" is a value, not an exception. */
public sealed interface SplitResult {

    /** The split and its requests, as they are now; {@code replayed} when its id had been split with the same order. */
    record Made(Split split, boolean replayed) implements SplitResult {}

    /** Nothing split, nothing stored: one member refused refuses the whole split. */
    record Refused(RequestRejection rejection) implements SplitResult {}
}
