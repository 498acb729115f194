package org.socialbank.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Luhn, BINs and masking with the research file's cards (services.md 3.1-3.2, issue 15). */
class CardNumberUnitTests {

    @Test
    void readsValidCardsInAnyDigits() {
        assertThat(CardNumber.read("6037701689095443")).isPresent();
        assertThat(CardNumber.read("6219-8610-3452-9007")).isPresent();
        assertThat(CardNumber.read("۶۲۱۹ ۸۶۱۰ ۳۴۵۲ ۹۰۰۷"))
                .contains(CardNumber.read("6219861034529007").orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "6219861034529008",
                "621986103452900",
                "6037990000000000",
                "603799123456789a",
                "",
                "62198610345290070000"
            })
    void refusesBadNumbers(String input) {
        assertThat(CardNumber.read(input)).isEmpty();
    }

    @Test
    void masksAsFirstSixAndLastFourEverywhere() {
        CardNumber card = CardNumber.read("6037701689095443").orElseThrow();
        assertThat(card.masked()).isEqualTo("603770******5443");
        assertThat(card.toString()).isEqualTo("603770******5443").doesNotContain("168909");
        assertThat(String.valueOf(java.util.List.of(card))).doesNotContain("1689095");
    }

    @Test
    void namesTheIssuerByItsBin() {
        CardBins bins = new CardBins(Map.of("999999", "Test Bank"));
        assertThat(bins.bank(CardNumber.read("6037701689095443").orElseThrow())).contains("Bank Keshavarzi");
        assertThat(bins.bank(CardNumber.read("6219861034529007").orElseThrow())).contains("Saman Bank");
        assertThatThrownBy(() -> new CardBins(Map.of("12345", "x"))).isInstanceOf(IllegalArgumentException.class);
    }
}
