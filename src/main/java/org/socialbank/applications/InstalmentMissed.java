package org.socialbank.applications;

import java.time.LocalDate;
import org.socialbank.directory.CustomerId;
import org.socialbank.shared.CurrencyCode;

/**
 * An instalment due could not be collected (not enough money): published once per instalment, when
 * it becomes late; the job keeps trying and {@link InstalmentCollected} follows when it succeeds.
 */
public record InstalmentMissed(
        LoanId loanId, CustomerId customerId, int number, long amountMinor, CurrencyCode currency, LocalDate dueOn) {}
