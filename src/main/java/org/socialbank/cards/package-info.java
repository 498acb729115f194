/**
 * Debit and credit cards: a debit card spends from the customer's ledger account, a credit card is
 * a ledger credit account with a limit. Owns the card-transaction feed from the card processor,
 * the monthly statements of credit cards and their repayments; numbers are kept only masked.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Cards")
package org.socialbank.cards;
