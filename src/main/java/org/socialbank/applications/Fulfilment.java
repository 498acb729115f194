package org.socialbank.applications;

import java.util.Set;

/**
 * What followed an approval: the loan paid out or the card issued, or not and why. A refusal whose
 * cause can pass (her account frozen) is tried again by {@link Fulfilments}; any other waits for
 * staff.
 */
sealed interface Fulfilment {

    /** Ledger codes whose cause can pass without staff: the account may be unfrozen. */
    Set<String> PASSING = Set.of("account_frozen");

    record Fulfilled() implements Fulfilment {}

    /** Not paid out or not issued: {@code reason} is a ledger, directory or cards code. */
    record Unfulfilled(String reason) implements Fulfilment {

        /** Whether the janitor tries again (else staff decide). */
        boolean retried() {
            return PASSING.contains(reason);
        }
    }
}
