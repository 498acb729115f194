package org.socialbank.billing;

import java.time.LocalDate;
import java.util.UUID;
import org.socialbank.directory.CustomerId;

/**
 * The biller answered (or did not) about a bill a customer asked to pay in chat (issue 15 s1):
 * the confirmation can now show the biller's own name, the masked holder and the due date, which
 * are null when the biller did not answer. {@code paid}: the pair was paid or is being paid
 * meanwhile. Published in the transaction that recorded the answer.
 */
public record BillInquired(
        UUID inquiryId,
        CustomerId customerId,
        IranianBill bill,
        String serviceType,
        String billerName,
        String holderMasked,
        LocalDate dueDate,
        boolean paid,
        String channel) {}
