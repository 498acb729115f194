package org.socialbank.ledger;

/** The outcome of freezing, unfreezing or closing an account. */
public sealed interface StatusResult {

    record Changed(Account account) implements StatusResult {}

    record Rejected(RejectionCode code) implements StatusResult {}
}
