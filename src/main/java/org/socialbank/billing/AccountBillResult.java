package org.socialbank.billing;

import java.util.UUID;

/** What asking to pay an account-number bill did (issue 15 s1.13). */
public sealed interface AccountBillResult permits AccountBillResult.Accepted, AccountBillResult.Refused {

    /** The inquiry is not this customer's, or not answered with an amount due. */
    String NOT_DUE = "bill_not_due";
    /** The answer is older than {@code socialbank.billing.account-bill-quote-ttl}: ask again. */
    String QUOTE_EXPIRED = "quote_expired";
    /**
     * Another payment of the same due bill (biller, account, due date) is being paid or was paid,
     * from another inquiry of it (review 2026-12-07 billing follow-up).
     */
    String BILL_ALREADY_PAID = BillPaymentResult.BILL_ALREADY_PAID;

    /**
     * Recorded (a replay: {@code replayed}); {@code status} PENDING while the biller is asked,
     * REJECTED with {@code code} when the bank refused it (no money moved).
     */
    record Accepted(
            UUID paymentId,
            BillPaymentStatus status,
            String code,
            String billerId,
            String account,
            long amountMinor,
            String currency,
            long points,
            long discountMinor,
            boolean replayed)
            implements AccountBillResult {}

    /** Nothing was recorded: {@link #NOT_DUE}, {@link #QUOTE_EXPIRED}, {@link #BILL_ALREADY_PAID}. */
    record Refused(String code) implements AccountBillResult {}
}
