package org.socialbank.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The worked examples of shared/research/services.md §1.2-1.5, valid and invalid (issue 15). */
class IranianBillUnitTests {

    private static final ServiceTypes TYPES = new ServiceTypes(Map.of());

    @ParameterizedTest
    @CsvSource({
        "7748317800142, 1770160, fixed_phone, 001, 17000, 7, 01",
        "2050327604613, 1070189, water, 046, 10000, 7, 01",
        "1117753200140, 12070160, fixed_phone, 001, 120000, 7, 01",
        "9403272004129, 95570163, electricity, 041, 955000, 7, 01",
        "9985235404124, 880000568, electricity, 041, 8800000, 0, 05",
        "1064348103115, 97570237, water, 031, 975000, 7, 02"
    })
    void readsTheWorkedExamples(
            String billId, String paymentId, String type, String company, long rial, int year, String period) {
        IranianBill bill = read(billId, paymentId);
        assertThat(TYPES.name(bill.serviceDigit())).isEqualTo(type);
        assertThat(bill.companyCode()).isEqualTo(company);
        assertThat(bill.amountRial()).isEqualTo(rial);
        assertThat(bill.amountToman()).isEqualTo(rial / 10);
        assertThat(bill.yearDigit()).isEqualTo(year);
        assertThat(bill.periodCode()).isEqualTo(period);
    }

    @Test
    void computesTheCheckDigitsOfTheWorkedExample() {
        assertThat(IranianBill.checkDigit("774831780014")).isEqualTo(2);
        assertThat(IranianBill.checkDigit("17701")).isEqualTo(6);
        assertThat(IranianBill.checkDigit("7748317800142177016")).isEqualTo(0);
    }

    @Test
    void refusesAWrongPaymentCheckDigitTwo() {
        assertThat(IranianBill.read("9174639504124", "12908197"))
                .isEqualTo(new BillReading.Unreadable(BillReading.INVALID_PAYMENT_ID));
    }

    @Test
    void refusesAWrongBillCheckDigit() {
        assertThat(IranianBill.read("2234322344613", "1070189"))
                .isEqualTo(new BillReading.Unreadable(BillReading.INVALID_BILL_ID));
    }

    @ParameterizedTest
    @CsvSource({
        "7748317800143, 1770160, invalid_bill_id", // check digit off by one
        "12345, 1770160, invalid_bill_id", // too short
        "77483178001420, 1770160, invalid_bill_id", // 14 digits
        "7748317800142, 1770170, invalid_payment_id", // C1 wrong
        "7748317800142, 1770161, invalid_payment_id", // C2 wrong
        "7748317800142, 17701, invalid_payment_id", // too short
        "77483178x0142, 1770160, invalid_bill_id", // a letter
        "'', 1770160, invalid_bill_id"
    })
    void refusesInvalidPairs(String billId, String paymentId, String code) {
        assertThat(IranianBill.read(billId, paymentId)).isEqualTo(new BillReading.Unreadable(code));
    }

    @Test
    void refusesServiceDigitZero() {
        // 7748317800 + company 123 + service 0: make the check digit right so only the zero is wrong
        String body = "774831780";
        String withoutCheck = body + "1230";
        String billId = withoutCheck + IranianBill.checkDigit(withoutCheck);
        assertThat(IranianBill.read(billId, "1770160"))
                .isEqualTo(new BillReading.Unreadable(BillReading.INVALID_BILL_ID));
    }

    @Test
    void readsPersianAndArabicIndicDigitsSpacesAndDashes() {
        IranianBill ascii = read("7748317800142", "1770160");
        assertThat(read("۷۷۴۸۳۱۷۸۰۰۱۴۲", "۱۷۷۰۱۶۰")).isEqualTo(ascii);
        assertThat(read("٧٧٤٨٣١٧٨٠٠١٤٢", "١٧٧٠١٦٠")).isEqualTo(ascii);
        assertThat(read("7748-3178-0014-2", " 177 0160 ")).isEqualTo(ascii);
        assertThat(read("0007748317800142", "0001770160")).isEqualTo(ascii);
    }

    @Test
    void readsAndWritesTheBarcodeThirteenPlusThirteen() {
        BillReading reading = IranianBill.fromBarcode("77483178001420000001770160");
        assertThat(reading).isEqualTo(new BillReading.Read(read("7748317800142", "1770160")));
        assertThat(read("7748317800142", "1770160").barcode()).isEqualTo("77483178001420000001770160");
        assertThat(IranianBill.fromBarcode("10643481031150000097570237"))
                .isEqualTo(new BillReading.Read(read("1064348103115", "97570237")));
        // persian-tools' unpadded 23-character "barcode" is not one
        assertThat(IranianBill.fromBarcode("77483178001420001770160"))
                .isEqualTo(new BillReading.Unreadable(BillReading.INVALID_BARCODE));
    }

    @Test
    void aLongPaymentIdKeepsAllItsDigitsInTheBarcode() {
        // amounts of 100M rial and more make payment ids of 11+ digits: none may be dropped
        String prefix = "123456";
        String head = prefix + "7" + "03";
        String c1 = head + IranianBill.checkDigit(head);
        String payment = c1 + IranianBill.checkDigit("7748317800142" + c1);
        IranianBill bill = read("7748317800142", payment);
        assertThat(bill.amountRial()).isEqualTo(123_456_000L);
        assertThat(IranianBill.fromBarcode(bill.barcode())).isEqualTo(new BillReading.Read(bill));
    }

    @Test
    void everyOtherCheckDigitIsRefused() {
        long seed = System.nanoTime();
        SplittableRandom random = new SplittableRandom(seed);
        String[][] pairs = {{"7748317800142", "1770160"}, {"2050327604613", "1070189"}, {"9403272004129", "95570163"}};
        for (int i = 0; i < 100; i++) {
            String[] pair = pairs[random.nextInt(pairs.length)];
            int which = random.nextInt(3); // the bill's check digit, C1 or C2
            String target = which == 0 ? pair[0] : pair[1];
            int at = which == 1 ? target.length() - 2 : target.length() - 1;
            char other = (char) ('0' + (target.charAt(at) - '0' + 1 + random.nextInt(9)) % 10);
            String changed = target.substring(0, at) + other + target.substring(at + 1);
            BillReading reading = which == 0 ? IranianBill.read(changed, pair[1]) : IranianBill.read(pair[0], changed);
            assertThat(reading).as("seed %d: %s", seed, changed).isInstanceOf(BillReading.Unreadable.class);
        }
    }

    @Test
    void labelsTheDisputedServiceDigitsFromConfiguration() {
        ServiceTypes types = new ServiceTypes(Map.of(9, "traffic_fines"));
        assertThat(types.name(9)).isEqualTo("traffic_fines");
        assertThat(types.name(7)).isEqualTo("service_7");
        assertThatThrownBy(() -> new ServiceTypes(Map.of(2, "power"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theConstructorRefusesAnInvalidPair() {
        assertThatThrownBy(() -> new IranianBill("7748317800142", "1770161"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static IranianBill read(String billId, String paymentId) {
        BillReading reading = IranianBill.read(billId, paymentId);
        assertThat(reading).isInstanceOf(BillReading.Read.class);
        return ((BillReading.Read) reading).bill();
    }
}
