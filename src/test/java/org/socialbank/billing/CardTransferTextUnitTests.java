package org.socialbank.billing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Issue 15 s3: a card-to-card asked in words in the five languages, Persian digits included. */
class CardTransferTextUnitTests {

    private static final String PAN = "6037991000001234";

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "send 500000 rial to card 6037-9910-0000-1234|500000|false",
                "send 500,000 rials to card 6037 9910 0000 1234|500000|false",
                "send 50000 toman to card 6037991000001234|500000|true",
                "۵۰ هزار تومان به کارت ۶۰۳۷-۹۹۱۰-۰۰۰۰-۱۲۳۴ بفرست|500000|true",
                "کارت به کارت ۵۰۰٬۰۰۰ ریال به ۶۰۳۷۹۹۱۰۰۰۰۰۱۲۳۴|500000|false",
                "转账500000里亚尔到卡6037991000001234|500000|false",
                "переведи 500000 риалов на карту 6037 9910 0000 1234|500000|false",
                "envoie 500000 rials sur la carte 6037-9910-0000-1234|500000|false"
            })
    void readsTheCardAndTheAmountInEveryLanguage(String text, long rials, boolean toman) {
        CardTransferText read = CardTransferText.read(text).orElseThrow();
        assertThat(read.card()).hasValueSatisfying(c -> assertThat(c.digits()).isEqualTo(PAN));
        assertThat(read.amountMinor()).isEqualTo(rials);
        assertThat(read.currency().code()).isEqualTo("IRR");
        assertThat(read.toman()).isEqualTo(toman);
    }

    @Test
    void aMistypedCardIsReadAsNoCardAndAMissingAmountAsZero() {
        CardTransferText mistyped = CardTransferText.read("send 500000 rial to card 6037-9910-0000-1235")
                .orElseThrow();
        assertThat(mistyped.card()).isEmpty();
        CardTransferText noAmount =
                CardTransferText.read("send to card 6037991000001234").orElseThrow();
        assertThat(noAmount.card()).isPresent();
        assertThat(noAmount.amountMinor()).isZero();
    }

    @Test
    void aTextWithoutACardWordOrWithoutSixteenDigitsIsNoCardToCard() {
        assertThat(CardTransferText.read("send 500000 rial to 6037991000001234"))
                .isEmpty();
        assertThat(CardTransferText.read("lock my card")).isEmpty();
        assertThat(CardTransferText.read("pay 500000 to card 1234")).isEmpty();
    }

    @Test
    void groupsOnlyAMaskedNumberInFours() {
        assertThat(CardNumber.grouped(CardNumber.read(PAN).orElseThrow().masked()))
                .isEqualTo("6037-99**-****-1234");
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() -> CardNumber.grouped(PAN));
    }
}
