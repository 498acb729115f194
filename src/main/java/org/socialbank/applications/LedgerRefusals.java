package org.socialbank.applications;

import org.socialbank.ledger.AccountId;
import org.socialbank.ledger.AccountStatus;
import org.socialbank.ledger.Ledger;
import org.socialbank.ledger.RejectionCode;

/**
 * Whose a ledger refusal of a loan's money movement is (review 2026-12-07): hers when it is about
 * her own account (not enough money in it, or it is frozen or closed itself), else the bank's (its
 * loan or income account frozen or closed, or anything else), recorded as {@code bank_<code>},
 * listed for staff and never told to her as if it were her doing.
 */
final class LedgerRefusals {

    static final String BANK_PREFIX = "bank_";

    private LedgerRefusals() {}

    /** Whether {@code code} is about {@code hers}, the customer's account in the transfer. */
    static boolean hers(Ledger ledger, RejectionCode code, AccountId hers) {
        return switch (code) {
            case EXCEEDS_CREDITS -> true;
            case ACCOUNT_FROZEN -> in(ledger, hers, AccountStatus.FROZEN);
            case ACCOUNT_CLOSED -> in(ledger, hers, AccountStatus.CLOSED);
            default -> false; // any other refusal is the bank's to sort out
        };
    }

    /** The reason recorded: the ledger's code when hers, {@code bank_<code>} when the bank's. */
    static String reason(boolean hers, RejectionCode code) {
        return hers ? code.code() : BANK_PREFIX + code.code();
    }

    /** Whether the account is known to the ledger and has this status. */
    static boolean in(Ledger ledger, AccountId account, AccountStatus status) {
        return ledger.account(account).map(a -> a.status() == status).orElse(false);
    }
}
