package org.socialbank.ledger.posting;

import org.socialbank.ledger.Account;

/** The arithmetic of the four balances; callers have checked bounds and flags first. */
final class Balances {

    private Balances() {}

    static Account[] post(Account debit, Account credit, long amount) {
        return new Account[] {
            debit.withBalances(
                    debit.debitsPosted() + amount,
                    debit.creditsPosted(),
                    debit.debitsPending(),
                    debit.creditsPending()),
            credit.withBalances(
                    credit.debitsPosted(),
                    credit.creditsPosted() + amount,
                    credit.debitsPending(),
                    credit.creditsPending())
        };
    }

    static Account[] reserve(Account debit, Account credit, long amount) {
        return new Account[] {
            debit.withBalances(
                    debit.debitsPosted(),
                    debit.creditsPosted(),
                    debit.debitsPending() + amount,
                    debit.creditsPending()),
            credit.withBalances(
                    credit.debitsPosted(),
                    credit.creditsPosted(),
                    credit.debitsPending(),
                    credit.creditsPending() + amount)
        };
    }

    /** Releases a reservation of {@code reserved} and posts {@code posted} of it (0 for a void). */
    static Account[] release(Account debit, Account credit, long reserved, long posted) {
        return new Account[] {
            debit.withBalances(
                    debit.debitsPosted() + posted,
                    debit.creditsPosted(),
                    debit.debitsPending() - reserved,
                    debit.creditsPending()),
            credit.withBalances(
                    credit.debitsPosted(),
                    credit.creditsPosted() + posted,
                    credit.debitsPending(),
                    credit.creditsPending() - reserved)
        };
    }
}
