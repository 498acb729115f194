package org.socialbank.applications;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import org.socialbank.directory.CustomerId;
import org.socialbank.ledger.AccountId;
import org.socialbank.shared.CurrencyCode;

/**
 * A loan paid out on an approved application.
 *
 * @param accountId the loan's own ledger account: what is still owed of the principal
 * @param payoutAccountId the customer's account it was paid into and instalments are collected from
 * @param instalmentMinor the annuity's monthly instalment (the last one may differ by rounding)
 */
public record Loan(
        LoanId id,
        ApplicationId applicationId,
        CustomerId customerId,
        AccountId accountId,
        AccountId payoutAccountId,
        CurrencyCode currency,
        long principalMinor,
        int annualRateBasisPoints,
        int termMonths,
        long instalmentMinor,
        LocalDate disbursedOn,
        Instant createdAt) {

    public Loan {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(applicationId, "applicationId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(payoutAccountId, "payoutAccountId");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(disbursedOn, "disbursedOn");
    }
}
