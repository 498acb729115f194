package org.socialbank.ledger;

/** The outcome of one transfer request: a business "no" is a value, not an exception. */
public sealed interface TransferResult {

    /** Booked; {@code replayed} when the id had been booked before with the same fields. */
    record Posted(Transfer transfer, boolean replayed) implements TransferResult {}

    record Rejected(RejectionCode code) implements TransferResult {}
}
