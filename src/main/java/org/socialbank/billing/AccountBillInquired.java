package org.socialbank.billing;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.socialbank.directory.CustomerId;

/**
 * The biller answered about an account a customer asked to pay in chat (issue 15 s1.13). When
 * {@code code} is null it is due: the amount, the due date and the masked holder are set and the
 * chat offers Confirm (its button carries {@code inquiryId}) and Cancel; else {@code code} says why
 * nothing can be paid ({@link AccountBiller#UNKNOWN_ACCOUNT}...). {@code billerNames} by language
 * tag. {@code pointsOffered} (0: none) are the loyalty points the customer may take off the bill,
 * worth {@code pointsValueMinor} (issue 16 s3.7). Published in the transaction that recorded the answer.
 */
public record AccountBillInquired(
        UUID inquiryId,
        CustomerId customerId,
        String billerId,
        Map<String, String> billerNames,
        String account,
        long amountMinor,
        String currency,
        LocalDate dueDate,
        String holderMasked,
        String code,
        String channel,
        long pointsOffered,
        long pointsValueMinor) {

    public AccountBillInquired {
        billerNames = Map.copyOf(billerNames);
    }

    public boolean due() {
        return code == null;
    }
}
