package org.socialbank.billing;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What a biller says is due on a bill.
 *
 * @param amountRial the amount due; when it differs from the payment id's, the biller's wins
 * @param holderMasked the subscriber's name as the biller masks it, e.g. {@code A*** R*****}
 * @param billerName the biller's own name, e.g. the regional water company
 */
public record BillDue(long amountRial, LocalDate dueDate, String holderMasked, String billerName) {

    public BillDue {
        Objects.requireNonNull(dueDate, "dueDate");
        Objects.requireNonNull(holderMasked, "holderMasked");
        Objects.requireNonNull(billerName, "billerName");
        if (amountRial <= 0) {
            throw new IllegalArgumentException("amountRial must be positive");
        }
    }
}
