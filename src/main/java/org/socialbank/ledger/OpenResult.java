package org.socialbank.ledger;

/** The outcome of opening an account. */
public sealed interface OpenResult {

    /** The account exists as asked; {@code replayed} when an earlier request had opened it. */
    record Opened(Account account, boolean replayed) implements OpenResult {}

    record Rejected(RejectionCode code) implements OpenResult {}
}
