package org.socialbank.conversation.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Digits with separators in the ways of the five languages, and the ones refused. */
class NumbersUnitTests {

    @ParameterizedTest(name = "{0} (exponent {1}) -> {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "10          | 2 | 10",
                "10.50       | 2 | 10.50",
                "10,50       | 2 | 10.50",
                "10,5        | 2 | 10.5",
                "0,5         | 2 | 0.5",
                "1,234       | 2 | 1234",
                "1,234       | 0 | 1234",
                "1,234       | 3 | 1.234",
                "1.234       | 3 | 1.234",
                "1,234.56    | 2 | 1234.56",
                "1.234,56    | 2 | 1234.56",
                "1 234,56    | 2 | 1234.56",
                "1 234 567   | 2 | 1234567",
                "1,234,567   | 2 | 1234567",
                "1.234.567   | 2 | 1234567",
                "1'234.50    | 2 | 1234.50",
                "1,00,000    | 2 | 100000",
                "12,34,567   | 2 | 1234567",
                "123٫5       | 2 | 123.5",
                "1٬234       | 2 | 1234",
                "1٬234٫56    | 2 | 1234.56"
            })
    void readsTheWaysNumbersAreWritten(String written, int exponent, String value) {
        Reading reading = Numbers.read(written.strip(), exponent);
        assertThat(reading.ok()).as(String.valueOf(reading.problem())).isTrue();
        assertThat(reading.value()).isEqualByComparingTo(new BigDecimal(value));
        assertThat(reading.decimals()).isEqualTo(new BigDecimal(value).scale());
    }

    /** A point before three digits is a decimal point: the digits count, so 10.505 EUR is refused. */
    @ParameterizedTest(name = "{0} has {1} decimals")
    @CsvSource({"10.505, 3", "1.500, 3", "1.2345, 4", "'1,234.505', 3"})
    void countsTheDecimalsAsTyped(String written, int decimals) {
        assertThat(Numbers.read(written, 2).decimals()).isEqualTo(decimals);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "1,2,3                              | MALFORMED",
                "12.34.5                            | MALFORMED",
                "1.234,5.6                          | MALFORMED",
                "1 23                               | MALFORMED",
                "1234,567,890                       | MALFORMED",
                "12٫3٫4                             | MALFORMED",
                "1٫5,3                              | MALFORMED",
                "-10                                | NOT_POSITIVE",
                "123456789012345678901234567890123  | TOO_LARGE"
            })
    void refusesWhatIsNoNumber(String written, AmountProblem problem) {
        assertThat(Numbers.read(written.strip(), 2).problem()).isEqualTo(problem);
    }
}
