package org.socialbank.applications;

import java.time.LocalDate;
import org.socialbank.directory.CustomerId;
import org.socialbank.shared.CurrencyCode;

/**
 * An instalment due could not be collected: published once per instalment and reason. {@code
 * reason} is the ledger's code ({@code exceeds_credits}: not enough money; {@code account_frozen};
 * {@code account_closed}); {@code held} when the job stops trying (her account is closed: staff
 * take it up), else it keeps trying and {@link InstalmentCollected} follows when it succeeds.
 */
public record InstalmentMissed(
        LoanId loanId,
        CustomerId customerId,
        int number,
        long amountMinor,
        CurrencyCode currency,
        LocalDate dueOn,
        String reason,
        boolean held) {}
