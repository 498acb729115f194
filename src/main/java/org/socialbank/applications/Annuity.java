package org.socialbank.applications;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A loan's annuity schedule: equal monthly instalments, each paying the month's interest on what is
 * still owed and the rest off the principal. Pure; the amounts are minor units.
 *
 * <p>The instalment is the annuity formula {@code P·r / (1 − (1 + r)^−n)} ({@code r} the annual rate
 * / 12) rounded half up to a minor unit, and each month's interest is rounded half up. Each month
 * the formula is applied again to what is still owed over the months left, so the roundings never
 * compound: every instalment is within two minor units of the first, and the last one pays the loan
 * off exactly (a fixed rounded instalment would leave a last one off by a large amount at high rates
 * over long terms, or pay a small loan off months early).
 */
public final class Annuity {

    private static final MathContext PRECISION = MathContext.DECIMAL128;
    private static final BigDecimal BASIS_POINTS_A_YEAR = BigDecimal.valueOf(12 * 10_000);

    private Annuity() {}

    /** One month's instalment: due on {@code dueOn}, {@code principalMinor + interestMinor} in all. */
    public record Instalment(int number, LocalDate dueOn, long principalMinor, long interestMinor) {

        public long totalMinor() {
            return principalMinor + interestMinor;
        }
    }

    /** The monthly instalment of {@code principalMinor} over {@code months} at {@code annualBasisPoints}. */
    public static long instalmentMinor(long principalMinor, int annualBasisPoints, int months) {
        check(principalMinor, annualBasisPoints, months);
        return payment(principalMinor, monthlyRate(annualBasisPoints), months);
    }

    private static long payment(long owedMinor, BigDecimal rate, int months) {
        BigDecimal owed = BigDecimal.valueOf(owedMinor);
        if (rate.signum() == 0) {
            return owed.divide(BigDecimal.valueOf(months), 0, RoundingMode.HALF_UP)
                    .longValueExact();
        }
        BigDecimal discount = BigDecimal.ONE.subtract(
                BigDecimal.ONE.divide(BigDecimal.ONE.add(rate).pow(months, PRECISION), PRECISION));
        return owed.multiply(rate).divide(discount, 0, RoundingMode.HALF_UP).longValueExact();
    }

    /** The whole schedule; the first instalment is due a month after {@code disbursedOn}. */
    public static List<Instalment> schedule(
            long principalMinor, int annualBasisPoints, int months, LocalDate disbursedOn) {
        check(principalMinor, annualBasisPoints, months);
        BigDecimal rate = monthlyRate(annualBasisPoints);
        List<Instalment> instalments = new ArrayList<>(months);
        long owed = principalMinor;
        for (int n = 1; n <= months; n++) {
            long interest = BigDecimal.valueOf(owed)
                    .multiply(rate)
                    .setScale(0, RoundingMode.HALF_UP)
                    .longValueExact();
            long payment = owed == 0 ? 0 : payment(owed, rate, months - n + 1);
            // the last month's formula is owed + interest; the clamp only guards the invariant
            long principal = n == months ? owed : Math.min(Math.max(payment - interest, 0), owed);
            instalments.add(new Instalment(n, disbursedOn.plusMonths(n), principal, interest));
            owed -= principal;
        }
        return List.copyOf(instalments);
    }

    private static BigDecimal monthlyRate(int annualBasisPoints) {
        return BigDecimal.valueOf(annualBasisPoints).divide(BASIS_POINTS_A_YEAR, PRECISION);
    }

    private static void check(long principalMinor, int annualBasisPoints, int months) {
        if (principalMinor <= 0 || annualBasisPoints < 0 || annualBasisPoints > 10_000 || months < 1 || months > 600) {
            throw new IllegalArgumentException(
                    "a loan needs a positive principal, a rate of 0..10000 basis points and " + "1..600 months");
        }
    }
}
