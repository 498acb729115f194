package org.socialbank.applications;

import org.socialbank.cards.CardRefusal;

/**
 * Whose a cards refusal of an approved card's issue is (review 2026-12-07 applications follow-up),
 * as {@link LedgerRefusals} is for a loan's payout: issuing a credit card asks nothing of her
 * accounts, so no refusal of it is her doing. The cards module refuses it only when the application's
 * customer is unknown to it ({@code customer_not_found}) or the card id derived from the application
 * is another customer's ({@code id_reused}): both the bank's to sort out, recorded as {@code
 * bank_<code>}, listed for staff and told to her only as the bank completing it.
 */
final class CardRefusals {

    private CardRefusals() {}

    /** The reason recorded for a refused card issue: {@code bank_<code>}, always the bank's side. */
    static String reason(CardRefusal code) {
        return LedgerRefusals.BANK_PREFIX + code.code();
    }
}
