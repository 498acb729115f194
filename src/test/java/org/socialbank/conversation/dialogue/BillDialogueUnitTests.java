package org.socialbank.conversation.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.socialbank.billing.BillReading;
import org.socialbank.billing.IranianBill;
import org.socialbank.shared.Language;

/** Issue 15: which texts ask to pay a bill, in which language, and the bill their numbers hold (services.md §1.5). */
class BillDialogueUnitTests {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "pay bill 7748317800142 1770160|EN",
                "Pay my bill|EN",
                "پرداخت قبض ۷۷۴۸۳۱۷۸۰۰۱۴۲ ۱۷۷۰۱۶۰|FA",
                "قبض ٧٧٤٨٣١٧٨٠٠١٤٢ ١٧٧٠١٦٠|FA",
                "交电费 7748317800142 1770160|ZH",
                "оплати квитанцию 7748317800142 1770160|RU",
                "payer la facture 7748317800142 1770160|FR"
            })
    void readsABillRequestInItsLanguage(String text, Language language) {
        assertThat(BillDialogue.read(text))
                .hasValueSatisfying(r -> assertThat(r.language()).isEqualTo(language));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "split the bill 300000 with @ali and @reza",
                "send 10 to @bob",
                "my balance",
                "bill 50",
                "۹۰ هزار تومان بین @sara و @ivan تقسیم کن"
            })
    void otherTextsAreNoBill(String text) {
        assertThat(BillDialogue.read(text)).isEmpty();
    }

    @Test
    void theNumbersHoldThePairOrTheBarcode() {
        List<String> numbers = BillDialogue.numbers("پرداخت قبض ۷۷۴۸۳۱۷۸۰۰۱۴۲ ۱۷۷-۰۱۶۰");
        assertThat(numbers).containsExactly("7748317800142", "1770160");
        assertThat(BillDialogue.reading(numbers))
                .hasValue(new BillReading.Read(new IranianBill("7748317800142", "1770160")));
        assertThat(BillDialogue.reading(BillDialogue.numbers("pay bill 77483178001420000001770160")))
                .hasValue(new BillReading.Read(new IranianBill("7748317800142", "1770160")));
        assertThat(BillDialogue.reading(BillDialogue.numbers("pay bill 9174639504124 12908197")))
                .hasValue(new BillReading.Unreadable(BillReading.INVALID_PAYMENT_ID));
        assertThat(BillDialogue.reading(BillDialogue.numbers("pay bill 7748317800142")))
                .isEmpty();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "#TopUp 9876543210 airtel 100|EN",
                "شارژ ۱۰ هزار تومانی ایرانسل برای ۰۹۳۵۱۲۳۴۵۶۷|FA",
                "给13800138000充值50元|ZH",
                "пополни телефон +7 912 345 67 89 на 300 руб|RU",
                "recharger le 09351234567 de 20000 rials|FR"
            })
    void readsATopUpRequestInItsLanguage(String text, Language language) {
        assertThat(TopUpDialogue.read(text)).hasValue(language);
    }

    @ParameterizedTest
    @ValueSource(strings = {"my top up did not work", "how do I top up my phone?", "top up 50 euros"})
    void aTopUpWordWithoutAPhoneNumberIsTheAssistants(String text) {
        assertThat(TopUpDialogue.read(text)).isEmpty();
    }

    @Test
    void thePeriodIsInTheReadersDigits() {
        IranianBill bill = new IranianBill("7748317800142", "1770160");
        assertThat(BillDialogue.period(Language.EN, bill)).isEqualTo("7/01");
        assertThat(BillDialogue.period(Language.FA, bill)).isEqualTo("۷/۰۱");
    }
}
