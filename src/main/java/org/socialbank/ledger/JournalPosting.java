package org.socialbank.ledger;

import java.util.Objects;

/**
 * A journal row that moved money (a single-phase transfer or a posted pending one), with its place
 * in the journal and each account's posted balance right after it, for the journal's followers
 * (transaction alerts, issue 17).
 *
 * @param debitBalanceAfterMinor the debit account's credits minus debits after this row
 * @param creditBalanceAfterMinor the credit account's credits minus debits after this row
 */
public record JournalPosting(
        long sequence,
        Transfer transfer,
        Account debitAccount,
        Account creditAccount,
        long debitBalanceAfterMinor,
        long creditBalanceAfterMinor) {

    public JournalPosting {
        Objects.requireNonNull(transfer, "transfer");
        Objects.requireNonNull(debitAccount, "debitAccount");
        Objects.requireNonNull(creditAccount, "creditAccount");
    }
}
