package org.socialbank.applications;

import java.time.LocalDate;
import org.socialbank.directory.CustomerId;
import org.socialbank.shared.CurrencyCode;

/** A loan's instalment was collected from the customer's account (published in that transaction). */
public record InstalmentCollected(
        LoanId loanId,
        CustomerId customerId,
        int number,
        int termMonths,
        long amountMinor,
        CurrencyCode currency,
        LocalDate dueOn) {}
