package org.socialbank.conversation.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.socialbank.shared.CurrencyCode;
import org.socialbank.shared.Language;

/**
 * Amounts with their currency, multiplier and unit, read exactly: the currency's exponent
 * decides the minor units and how many decimals are allowed; nothing is rounded.
 */
class AmountsUnitTests {

    private final CommandParser parser = new CommandParser();

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "pay @bob 10.50 EUR                  | 1050       | EUR",
                "pay @bob €10                        | 1000       | EUR",
                "pay @bob 10EUR                      | 1000       | EUR",
                "pay @bob 2k EUR                     | 200000     | EUR",
                "pay @bob 2.5k€                      | 250000     | EUR",
                "pay @bob 1,250 KWD                  | 1250       | KWD",
                "pay @bob 1,000 IRR                  | 1000       | IRR",
                "pay @bob 50 toman                   | 500        | IRR",
                "pay @bob ¥1,000                     | 1000       | JPY",
                "pay @bob 3 crore rupees             | 3000000000 | INR",
                "۵۰ هزار تومان به @ali بفرست          | 500000     | IRR",
                "۱۲٫۵ تومان به @ali بفرست             | 125        | IRR",
                "۱.۵ میلیون تومان به @ali بفرست       | 15000000   | IRR",
                "переведи 10 тыс. руб. @ivan         | 1000000    | RUB",
                "переведи 2,5 тыс. руб. @ivan        | 250000     | RUB",
                "переведи 10к руб @ivan              | 1000000    | RUB",
                "给@wang转¥200                        | 20000      | CNY",
                "给@wang转一百二十块五                  | 12050      | CNY",
                "给@wang转三块五毛                      | 350        | CNY",
                "给@wang转五毛                         | 50         | CNY",
                "给@wang转1.5万元                      | 1500000    | CNY",
                "send twenty-five euros to @bob      | 2500       | EUR",
                "pay @bob two hundred fifty thousand rupees | 25000000 | INR",
                "envoie vingt et un euros à @bob     | 2100       | EUR",
                "envoie soixante-dix-sept euros à @bob | 7700     | EUR",
                "envoie un euro à @bob               | 100        | EUR",
                "переведи полторы тысячи рублей @ivan | 150000    | RUB",
                "پنجاه هزار تومان به @ali بفرست       | 500000     | IRR",
                "یک میلیون و پانصد هزار ریال به @ali بفرست | 1500000 | IRR",
                "send 10 dollars 50 cents to @bob    | 1050       | USD",
                "переведи 10 руб 50 коп @ivan        | 1050       | RUB",
                "переведи 50 копеек @ivan            | 50         | RUB",
                "给@wang转5分                          | 5          | CNY"
            })
    void readsAmountsInTheirCurrency(String text, long amountMinor, String currency) {
        ParsedCommand command = parser.parse(text.strip(), Optional.empty(), Context.none());
        assertThat(command.amountProblem()).isEmpty();
        assertThat(command.currency()).contains(CurrencyCode.of(currency));
        assertThat(command.amountMinor()).hasValue(amountMinor);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "pay @bob 10.505 EUR         | TOO_MANY_DECIMALS",
                "pay @bob 1.500 EUR          | TOO_MANY_DECIMALS",
                "pay @bob 10.00 JPY          | TOO_MANY_DECIMALS",
                "pay @bob 10.5 IRR           | TOO_MANY_DECIMALS",
                "pay @bob 1.234567k EUR      | TOO_MANY_DECIMALS",
                "۱۰٫۵۵ تومان به @ali بفرست    | TOO_MANY_DECIMALS",
                "pay @bob 1,2,3 EUR          | MALFORMED",
                "给@wang转五百三千元            | MALFORMED",
                "pay @bob 0 EUR              | NOT_POSITIVE",
                "pay @bob -5 EUR             | NOT_POSITIVE",
                "pay @bob 99999999999999999999 EUR | TOO_LARGE"
            })
    void refusesAmountsRatherThanRoundingThem(String text, AmountProblem problem) {
        ParsedCommand command = parser.parse(text.strip(), Optional.empty(), Context.none());
        assertThat(command.intent()).isEqualTo(Intent.PAY);
        assertThat(command.amount()).isEmpty();
        assertThat(command.amountProblem()).contains(problem);
    }

    /** "un", "one", "یه" are articles too: a number only next to a currency or another number. */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(
            strings = {"envoie une somme à @bob", "send one more to @bob", "بین هر دو نفر تقسیم کن"})
    void readsNoNumberInArticles(String text) {
        assertThat(parser.parse(text, Optional.empty(), Context.none()).amount())
                .isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {"send 10.50 to @bob | 10.50", "send 1,234 to @bob | 1234", "send 2k to @bob | 2000"})
    void keepsTheAmountAsTypedWhenNoCurrencyIsNamed(String text, String amount) {
        ParsedCommand command = parser.parse(text, Optional.of(Language.EN), Context.none());
        assertThat(command.currency()).isEmpty();
        assertThat(command.amount()).contains(new BigDecimal(amount));
        BigDecimal typed = new BigDecimal(amount);
        assertThat(command.amountMinor())
                .as("2 decimals without a currency")
                .hasValue(typed.movePointRight(2).longValueExact());
        assertThat(command.amountMinor(CurrencyCode.of("KWD")))
                .hasValue(typed.movePointRight(3).longValueExact());
        if (typed.stripTrailingZeros().scale() > 0) {
            assertThat(command.amountMinor(CurrencyCode.of("IRR")))
                    .as("rials have no decimals")
                    .isEmpty();
        }
    }
}
