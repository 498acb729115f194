package org.socialbank.applications;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.socialbank.shared.CurrencyCode;

/**
 * The bank's underwriting (SPI): given what the customer wrote on the form, approve, decline or
 * refer the application to staff, with the reasons as stable codes (documented in
 * docs/applications.md, said in the customer's language in chat). The embedded sandbox rule set is
 * used unless another bean is configured.
 */
public interface Underwriting {

    Verdict assess(Applicant applicant);

    /**
     * Whether this is a stand-in, not the bank's own rules (the embedded sandbox): outside demo mode
     * its verdicts are only recorded for staff unless {@code auto-decide} is set explicitly.
     */
    default boolean standIn() {
        return false;
    }

    /**
     * What the rules read.
     *
     * @param amountMinor the loan's amount or the card's limit asked for
     * @param termMonths the loan's term (null for a card)
     * @param incomeMinor the monthly income, as declared
     * @param instalmentMinor the loan's monthly instalment at the bank's rate (0 for a card)
     */
    record Applicant(
            Product product,
            CurrencyCode currency,
            long amountMinor,
            Integer termMonths,
            long incomeMinor,
            String purpose,
            long instalmentMinor) {

        public Applicant {
            Objects.requireNonNull(product, "product");
            Objects.requireNonNull(currency, "currency");
        }
    }

    enum Decision {
        APPROVE,
        DECLINE,
        /** Staff decide (the application goes to review). */
        REFER;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The decision and its reasons (lower-case codes, empty for a plain approval). */
    record Verdict(Decision decision, List<String> reasons) {

        public Verdict {
            Objects.requireNonNull(decision, "decision");
            reasons = List.copyOf(reasons);
        }
    }
}
