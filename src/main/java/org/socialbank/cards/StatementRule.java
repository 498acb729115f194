package org.socialbank.cards;

/**
 * The statement maths, pure (plain longs, minor units, no Spring). Given the previous statement and
 * what happened in the cycle, it says what the new statement owes and its minimum payment.
 *
 * <ul>
 *   <li>A previous minimum not repaid by the end of its grace period costs a late fee: {@code
 *       lateFeePercent} of the unpaid part, at least the floor.</li>
 *   <li>A previous balance not repaid in full by then costs interest on what was left, {@code
 *       interestBasisPointsPerDay} a day for the days of the cycle (rounded half up); paid in full,
 *       the cycle's purchases are interest-free.</li>
 *   <li>The minimum payment is {@code minimumPercent} of the cycle's purchases (rounded up) plus the
 *       late fee, the interest, the part over the limit and the previous minimum still unpaid; at
 *       least the floor, and never more than the balance.</li>
 * </ul>
 *
 * @param minimumFloorMinor the least minimum payment in the card's currency
 * @param lateFeeFloorMinor the least late fee in the card's currency
 */
record StatementRule(
        int minimumPercent,
        long minimumFloorMinor,
        int lateFeePercent,
        long lateFeeFloorMinor,
        int interestBasisPointsPerDay) {

    /**
     * What the cycle brought.
     *
     * @param previousBalanceMinor the previous statement's balance (0 for the first)
     * @param previousMinimumMinor the previous statement's minimum payment (0 for the first)
     * @param paidByGraceEndMinor repayments from the previous statement date to the end of its grace
     * @param purchasesMinor purchases and cash withdrawals of the cycle
     * @param refundsMinor refunds of the cycle
     * @param repaidMinor all repayments of the cycle
     * @param cycleDays days from the previous statement date to this one
     * @param limitMinor the card's limit
     */
    record Cycle(
            long previousBalanceMinor,
            long previousMinimumMinor,
            long paidByGraceEndMinor,
            long purchasesMinor,
            long refundsMinor,
            long repaidMinor,
            long cycleDays,
            long limitMinor) {}

    /** The new statement's amounts; {@code creditsMinor} is refunds plus repayments. */
    record Amounts(
            long previousBalanceMinor,
            long purchasesMinor,
            long creditsMinor,
            long lateFeeMinor,
            long interestMinor,
            long balanceMinor,
            long minimumPaymentMinor) {}

    StatementRule {
        if (minimumPercent < 1
                || minimumPercent > 100
                || lateFeePercent < 0
                || lateFeePercent > 100
                || minimumFloorMinor < 0
                || lateFeeFloorMinor < 0
                || interestBasisPointsPerDay < 0) {
            throw new IllegalArgumentException("a statement rule takes percentages 0..100 and floors of 0 or more");
        }
    }

    Amounts apply(Cycle c) {
        long unpaidMinimum = Math.max(0, c.previousMinimumMinor() - c.paidByGraceEndMinor());
        long lateFee = unpaidMinimum == 0 ? 0 : Math.max(lateFeeFloorMinor, percentUp(unpaidMinimum, lateFeePercent));
        long carried = Math.max(0, c.previousBalanceMinor() - c.paidByGraceEndMinor());
        long interest = roundHalfUp(
                Math.multiplyExact(Math.multiplyExact(carried, interestBasisPointsPerDay), c.cycleDays()), 10_000);
        long credits = Math.addExact(c.refundsMinor(), c.repaidMinor());
        long balance = Math.addExact(
                Math.addExact(c.previousBalanceMinor() - credits, c.purchasesMinor()), lateFee + interest);
        long overLimit = Math.max(0, balance - c.limitMinor());
        long minimum = 0;
        if (balance > 0) {
            long rule = percentUp(c.purchasesMinor(), minimumPercent) + lateFee + interest + overLimit + unpaidMinimum;
            minimum = Math.min(balance, Math.max(minimumFloorMinor, rule));
        }
        return new Amounts(c.previousBalanceMinor(), c.purchasesMinor(), credits, lateFee, interest, balance, minimum);
    }

    private static long percentUp(long amountMinor, int percent) {
        return (Math.multiplyExact(amountMinor, percent) + 99) / 100; // amounts here are never negative
    }

    private static long roundHalfUp(long numerator, long denominator) {
        return (numerator + denominator / 2) / denominator;
    }
}
