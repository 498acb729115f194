package org.socialbank.billing;

import java.time.LocalDate;
import org.socialbank.directory.CustomerId;

/**
 * A saved bill's current period is due soon and unpaid (issue 15 s1): the customer is reminded
 * with a one-tap Pay button. Published once per saved bill and period, in the transaction that
 * recorded the reminder.
 */
public record SavedBillDue(
        CustomerId customerId,
        String name,
        IranianBill bill,
        String serviceType,
        String billerName,
        LocalDate dueDate) {}
