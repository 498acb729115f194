package org.socialbank.cards;

/** The outcome of a repayment: a refusal is a value with a stable code. */
public sealed interface RepaymentResult {

    /** {@code replayed} when the same request had been answered before. */
    record Repaid(Repayment repayment, boolean replayed) implements RepaymentResult {}

    record Refused(CardRefusal code) implements RepaymentResult {}
}
