package org.socialbank.billing;

import java.util.Objects;
import java.util.Optional;
import org.socialbank.shared.Digits;

/**
 * An Iranian utility bill (شناسه قبض + شناسه پرداخت) under the Banks' Informatics Commission
 * standard: both ids are 6 to 13 digits read from the right. The bill id ends with its check
 * digit, after the service digit and a 3-digit company code; the payment id ends with C1 (over
 * the payment id) and C2 (over bill id and payment id), after a 2-digit period, a year digit and
 * the amount in thousands of rials. Check digits: mod 11 with weights 2..7 from the right, 0 or 1
 * giving 0. Only {@link #read} and {@link #fromBarcode} make one, so every instance is valid.
 *
 * @param billId the bill id without leading zeros
 * @param paymentId the payment id without leading zeros
 */
public record IranianBill(String billId, String paymentId) {

    public static final int ID_LENGTH_MIN = 6;
    public static final int ID_LENGTH_MAX = 13;
    public static final int BARCODE_LENGTH = 2 * ID_LENGTH_MAX;
    /** One unit of the payment id's amount prefix, in rials. */
    public static final long AMOUNT_UNIT_RIAL = 1000;

    public static final long RIALS_PER_TOMAN = 10;

    public IranianBill {
        Objects.requireNonNull(billId, "billId");
        Objects.requireNonNull(paymentId, "paymentId");
        if (!validBillId(billId) || !validPaymentId(billId, paymentId)) {
            throw new IllegalArgumentException("not a valid bill id and payment id pair");
        }
    }

    /** Reads the two ids as typed (ASCII, Persian or Arabic-Indic digits, spaces, dashes). */
    public static BillReading read(String billIdInput, String paymentIdInput) {
        Optional<String> bill = Digits.only(billIdInput).map(IranianBill::stripZeros);
        if (bill.isEmpty() || !validBillId(bill.get())) {
            return new BillReading.Unreadable(BillReading.INVALID_BILL_ID);
        }
        Optional<String> payment = Digits.only(paymentIdInput).map(IranianBill::stripZeros);
        if (payment.isEmpty() || !validPaymentId(bill.get(), payment.get())) {
            return new BillReading.Unreadable(BillReading.INVALID_PAYMENT_ID);
        }
        return new BillReading.Read(new IranianBill(bill.get(), payment.get()));
    }

    /** Reads a 26-digit barcode: the bill id and the payment id, each left-padded with zeros to 13. */
    public static BillReading fromBarcode(String barcodeInput) {
        Optional<String> digits = Digits.only(barcodeInput);
        if (digits.isEmpty() || digits.get().length() != BARCODE_LENGTH) {
            return new BillReading.Unreadable(BillReading.INVALID_BARCODE);
        }
        return read(digits.get().substring(0, ID_LENGTH_MAX), digits.get().substring(ID_LENGTH_MAX));
    }

    /** The 26-digit barcode of this bill. */
    public String barcode() {
        return pad(billId) + pad(paymentId);
    }

    /** The second digit from the right of the bill id: 1 water, 2 electricity ... (see {@link ServiceTypes}). */
    public int serviceDigit() {
        return billId.charAt(billId.length() - 2) - '0';
    }

    /** The three digits before the service digit: the regional company that issued the bill. */
    public String companyCode() {
        return billId.substring(billId.length() - 5, billId.length() - 2);
    }

    /** The subscriber's file code: what is left of the bill id on the left of the company code. */
    public String fileCode() {
        return billId.substring(0, billId.length() - 5);
    }

    /** The amount due, in rials: the payment id's prefix times 1000. */
    public long amountRial() {
        return Long.parseLong(paymentId.substring(0, paymentId.length() - 5)) * AMOUNT_UNIT_RIAL;
    }

    public long amountToman() {
        return amountRial() / RIALS_PER_TOMAN;
    }

    /** The year digit (usually the last digit of the Solar Hijri year). */
    public int yearDigit() {
        return paymentId.charAt(paymentId.length() - 5) - '0';
    }

    /** The two-digit period code within the year. */
    public String periodCode() {
        return paymentId.substring(paymentId.length() - 4, paymentId.length() - 2);
    }

    /**
     * The bill of a subscriber (its bill id) for a period: the payment id written from the amount
     * in thousands of rials, the year digit and the two-digit period code, with both check digits.
     * Empty when the bill id is not valid or the pair would not be (e.g. too long).
     */
    public static Optional<IranianBill> of(String billId, long amountThousands, int yearDigit, int period) {
        if (amountThousands <= 0 || yearDigit < 0 || yearDigit > 9 || period < 1 || period > 99) {
            return Optional.empty();
        }
        String head = amountThousands + Integer.toString(yearDigit) + String.format("%02d", period);
        String c1 = head + checkDigit(head);
        String paymentId = c1 + checkDigit(billId + c1);
        return IranianBill.read(billId, paymentId) instanceof BillReading.Read read
                ? Optional.of(read.bill())
                : Optional.empty();
    }

    /** The pair as one key: what may be paid once. */
    public String pairKey() {
        return billId + ":" + paymentId;
    }

    /** The mod-11 check digit of a digit string: weights 2..7 from the right, a remainder of 0 or 1 gives 0. */
    static int checkDigit(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = digits.charAt(digits.length() - 1 - i) - '0';
            sum += digit * (i % 6 + 2);
        }
        int remainder = sum % 11;
        return remainder < 2 ? 0 : 11 - remainder;
    }

    private static boolean validBillId(String bill) {
        if (!shaped(bill) || bill.charAt(bill.length() - 2) == '0') {
            return false;
        }
        return checkDigit(bill.substring(0, bill.length() - 1)) == bill.charAt(bill.length() - 1) - '0';
    }

    private static boolean validPaymentId(String bill, String payment) {
        if (!shaped(payment)) {
            return false;
        }
        int c1 = payment.charAt(payment.length() - 2) - '0';
        int c2 = payment.charAt(payment.length() - 1) - '0';
        return checkDigit(payment.substring(0, payment.length() - 2)) == c1
                && checkDigit(bill + payment.substring(0, payment.length() - 1)) == c2;
    }

    private static boolean shaped(String id) {
        return id.length() >= ID_LENGTH_MIN
                && id.length() <= ID_LENGTH_MAX
                && id.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private static String stripZeros(String digits) {
        int start = 0;
        while (start < digits.length() - 1 && digits.charAt(start) == '0') {
            start++;
        }
        return digits.substring(start);
    }

    private static String pad(String id) {
        return "0".repeat(ID_LENGTH_MAX - id.length()) + id;
    }
}
