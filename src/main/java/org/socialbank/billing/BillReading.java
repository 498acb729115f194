package org.socialbank.billing;

/** What reading a bill id and payment id (or a barcode) gave: a valid bill, or a stable code. */
public sealed interface BillReading permits BillReading.Read, BillReading.Unreadable {

    /** The bill id is not digits, has the wrong length, a zero service digit or a wrong check digit. */
    String INVALID_BILL_ID = "invalid_bill_id";
    /** The payment id is not digits, has the wrong length, or one of its two check digits is wrong. */
    String INVALID_PAYMENT_ID = "invalid_payment_id";
    /** The barcode is not 26 digits. */
    String INVALID_BARCODE = "invalid_barcode";

    record Read(IranianBill bill) implements BillReading {}

    record Unreadable(String code) implements BillReading {}
}
