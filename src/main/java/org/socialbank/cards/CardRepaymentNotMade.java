package org.socialbank.cards;

import org.socialbank.directory.CustomerId;
import org.socialbank.shared.CurrencyCode;

/**
 * A repayment asked for in chat and sent to the bank's step-up page ended without repaying
 * anything; the chat is told. {@code reason} says how: the step-up ended ({@code expired}, {@code
 * too_many_attempts}, {@code cancelled}), what was confirmed no longer matched the card ({@code
 * confirmation_mismatch}), or the repayment was refused when carried out after the right code (a
 * {@link CardRefusal} code: {@code insufficient_funds}, {@code nothing_owed}, {@code
 * exceeds_amount_owed}...). {@code amountMinor} is what was confirmed, 0 when the step-up ended (the
 * amount is not known then). Published in the transaction that ended it, once.
 */
public record CardRepaymentNotMade(
        CustomerId customerId, String maskedNumber, long amountMinor, CurrencyCode currency, String reason) {}
