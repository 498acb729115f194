package org.socialbank.cards;

/** The outcome of changing a card's auto-repayment: a refusal is a value with a stable code. */
public sealed interface AutoRepaymentResult {

    record Set(AutoRepayment setting, String maskedNumber) implements AutoRepaymentResult {}

    record Refused(CardRefusal code) implements AutoRepaymentResult {}
}
