package org.socialbank.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.socialbank.shared.CurrencyCode;

/** Issue 15 section 2: the top-up sentences of the issue, in five languages, read into number, amount and operator. */
class TopUpTextUnitTests {

    private static final Operators OPERATORS = operators();

    private static Operators operators() {
        Map<String, OperatorSettings> all = new HashMap<>(OperatorSettings.defaults());
        all.put("airtel", new OperatorSettings("IN", "INR", List.of(1_000L, 5_000L, 10_000L), List.of("Airtel")));
        all.put("mts", new OperatorSettings("RU", "RUB", List.of(10_000L, 30_000L), List.of("MTS")));
        return new Operators(all);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "#TopUp 9876543210 airtel 100|IRR|9876543210|10000|INR|airtel|false",
                "شارژ ۱۰ هزار تومانی ایرانسل برای ۰۹۳۵۱۲۳۴۵۶۷|IRR|09351234567|100000|IRR|irancell|true",
                "给13800138000充值50元||13800138000|5000|CNY||false",
                "пополни телефон +7 912 345 67 89 на 300 руб|IRR|+79123456789|30000|RUB||false",
                "top up 09351234567 50000|IRR|09351234567|50000|IRR||false",
                "top up 09121234567 with 1,000,000 rial|IRR|09121234567|1000000|IRR||false",
                "recharger le 09351234567 de 20000 rials|IRR|09351234567|20000|IRR||false"
            })
    void readsTheIssuesSentences(
            String text,
            String customerCurrency,
            String phone,
            long amountMinor,
            String currency,
            String operator,
            boolean toman) {
        Optional<CurrencyCode> customer =
                customerCurrency == null ? Optional.empty() : Optional.of(CurrencyCode.of(customerCurrency));
        assertThat(TopUpText.read(text, OPERATORS, customer))
                .hasValue(new TopUpText(
                        phone, amountMinor, CurrencyCode.of(currency), Optional.ofNullable(operator), toman));
    }

    @ParameterizedTest
    @ValueSource(strings = {"top up", "top up 50000 rial", "top up 12345 50000"})
    void aTextWithoutAMobileNumberOrAnAmountIsNone(String text) {
        assertThat(TopUpText.read(text, OPERATORS, Optional.of(CurrencyCode.of("IRR"))))
                .isEmpty();
    }
}
