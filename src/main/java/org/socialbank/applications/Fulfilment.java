package org.socialbank.applications;

import java.util.Set;

/**
 * What followed an approval: the loan paid out or the card issued, or not and why. A refusal whose
 * cause can pass (her account frozen) is tried again by {@link Fulfilments}; any other waits for
 * staff, the bank's own (its loan account frozen or closed, a card's issue refused: {@code
 * bank_<code>}) among them.
 */
sealed interface Fulfilment {

    /** Ledger codes whose cause can pass without staff: the account may be unfrozen. */
    Set<String> PASSING = Set.of("account_frozen");

    record Fulfilled() implements Fulfilment {}

    /**
     * Not paid out or not issued: {@code reason} is a ledger, directory or cards code, {@code
     * bank_<code>} when {@code bankSide}: the refusal is about the bank's own account, for staff to
     * sort out, never blamed on her.
     */
    record Unfulfilled(String reason, boolean bankSide) implements Fulfilment {

        /** Whether the janitor tries again (else staff decide): never a cause on the bank's side. */
        boolean retried() {
            return !bankSide && PASSING.contains(reason);
        }
    }
}
