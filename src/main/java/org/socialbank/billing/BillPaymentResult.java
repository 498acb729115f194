package org.socialbank.billing;

/**
 * The answer to a payment request: the payment (new or replayed; a limit or the ledger may have
 * rejected it, see its code), or a refusal that recorded nothing.
 */
public sealed interface BillPaymentResult permits BillPaymentResult.Done, BillPaymentResult.Refused {

    /** The pair is taken by another payment that paid it or is paying it. */
    String BILL_ALREADY_PAID = "bill_already_paid";
    /** The id belongs to another payment. */
    String ID_REUSED = "id_reused";
    /** The customer is not an active customer of this bank. */
    String CUSTOMER_NOT_FOUND = "customer_not_found";

    record Done(BillPayment payment, boolean replayed) implements BillPaymentResult {}

    record Refused(String code) implements BillPaymentResult {}
}
