package org.socialbank.applications.sandbox;

import java.util.ArrayList;
import java.util.List;
import org.socialbank.applications.Product;
import org.socialbank.applications.Underwriting;

/**
 * The sandbox rule set, a bank's usual affordability rules in their simplest form:
 * <ul>
 *   <li>no declared income: decline ({@code no_income});</li>
 *   <li>a loan whose instalment is more than 40 % of the monthly income: decline
 *       ({@code instalment_over_40_percent_of_income}); more than 30 %: refer
 *       ({@code instalment_over_30_percent_of_income});</li>
 *   <li>a card limit above three months of income: decline ({@code limit_over_3_months_income});
 *       above one month: refer ({@code limit_over_1_month_income});</li>
 *   <li>a loan of more than 12 months of income without a purpose: refer ({@code purpose_needed}).</li>
 * </ul>
 * A decline wins over a referral and gives the declining rules as its reasons; a referral gives every
 * referring rule.
 */
public class SandboxUnderwriting implements Underwriting {

    /** Every reason code the rules give; the chat says each as {@code applications.reason.<code>}. */
    public static final List<String> REASONS = List.of(
            "no_income",
            "instalment_over_40_percent_of_income",
            "instalment_over_30_percent_of_income",
            "limit_over_3_months_income",
            "limit_over_1_month_income",
            "purpose_needed");

    @Override
    public boolean standIn() {
        return true;
    }

    @Override
    public Verdict assess(Applicant a) {
        List<String> declines = new ArrayList<>();
        List<String> referrals = new ArrayList<>();
        if (a.incomeMinor() <= 0) {
            declines.add("no_income");
        } else if (a.product() == Product.LOAN) {
            loan(a, declines, referrals);
        } else {
            card(a, declines, referrals);
        }
        if (!declines.isEmpty()) {
            return new Verdict(Decision.DECLINE, declines);
        }
        return referrals.isEmpty() ? new Verdict(Decision.APPROVE, List.of()) : new Verdict(Decision.REFER, referrals);
    }

    private static void loan(Applicant a, List<String> declines, List<String> referrals) {
        // compared in whole minor units multiplied out, so no rounding decides a borderline case
        if (a.instalmentMinor() * 100 > a.incomeMinor() * 40) {
            declines.add("instalment_over_40_percent_of_income");
        } else if (a.instalmentMinor() * 100 > a.incomeMinor() * 30) {
            referrals.add("instalment_over_30_percent_of_income");
        }
        if ((a.purpose() == null || a.purpose().isBlank()) && a.amountMinor() > a.incomeMinor() * 12) {
            referrals.add("purpose_needed");
        }
    }

    private static void card(Applicant a, List<String> declines, List<String> referrals) {
        if (a.amountMinor() > a.incomeMinor() * 3) {
            declines.add("limit_over_3_months_income");
        } else if (a.amountMinor() > a.incomeMinor()) {
            referrals.add("limit_over_1_month_income");
        }
    }
}
