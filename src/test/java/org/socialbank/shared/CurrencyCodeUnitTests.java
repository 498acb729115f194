package org.socialbank.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CurrencyCodeUnitTests {

    @Test
    void knowsTheMinorUnitsOfTheSeedsCurrencies() {
        assertThat(CurrencyCode.of("EUR").exponent()).isEqualTo(2);
        assertThat(CurrencyCode.of("INR").exponent()).isEqualTo(2);
        assertThat(CurrencyCode.of("CNY").exponent()).isEqualTo(2);
        assertThat(CurrencyCode.of("RUB").exponent()).isEqualTo(2);
        assertThat(CurrencyCode.of("IRR").exponent()).as("CLDR, not ISO 4217").isZero();
        assertThat(CurrencyCode.of("KWD").exponent()).isEqualTo(3);
    }

    @Test
    void refusesUnknownOrMisspelledCodes() {
        assertThat(CurrencyCode.find("eur")).isEmpty();
        assertThat(CurrencyCode.find("XXX")).isEmpty();
        assertThat(CurrencyCode.find(null)).isEmpty();
        assertThatThrownBy(() -> new CurrencyCode("EUR", 3)).isInstanceOf(IllegalArgumentException.class);
    }

    @org.junit.jupiter.api.Test
    void pointsAreAUnitOfTheLedgerButNotMoney() { // ADR 0011
        assertThat(CurrencyCode.find("QPT")).contains(CurrencyCode.POINTS);
        assertThat(CurrencyCode.POINTS.exponent()).isZero();
        assertThat(CurrencyCode.POINTS.money()).isFalse();
        assertThat(CurrencyCode.of("EUR").money()).isTrue();
        assertThat(CurrencyCode.codes()).doesNotContain("QPT").contains("EUR");
        assertThatThrownBy(() -> MoneyFormat.format(100, CurrencyCode.POINTS, java.util.Locale.ENGLISH))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
