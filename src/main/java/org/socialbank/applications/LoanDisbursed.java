package org.socialbank.applications;

import java.util.List;
import org.socialbank.directory.CustomerId;
import org.socialbank.shared.CurrencyCode;

/**
 * A loan was paid into the customer's account, published in the transaction that booked it: the
 * chat is told once, with the repayment schedule.
 */
public record LoanDisbursed(
        LoanId loanId,
        CustomerId customerId,
        long principalMinor,
        CurrencyCode currency,
        int annualRateBasisPoints,
        List<Annuity.Instalment> schedule) {

    public LoanDisbursed {
        schedule = List.copyOf(schedule);
    }
}
