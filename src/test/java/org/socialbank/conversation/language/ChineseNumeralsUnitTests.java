package org.socialbank.conversation.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Chinese numerals as people write amounts, with digits mixed in, and the ones refused. */
class ChineseNumeralsUnitTests {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "五, 5",
        "十, 10",
        "十五, 15",
        "二十, 20",
        "二十五, 25",
        "一百, 100",
        "一百零八, 108",
        "一百二十, 120",
        "五百, 500",
        "两百, 200",
        "三百五, 350",
        "两千五, 2500",
        "三千零五, 3005",
        "一千零五十, 1050",
        "一万, 10000",
        "一万五, 15000",
        "两万五千, 25000",
        "十万, 100000",
        "一百万, 1000000",
        "一亿, 100000000",
        "一亿五, 150000000",
        "两亿三千万, 230000000",
        "一万亿, 1000000000000",
        "1万, 10000",
        "1.5万, 15000",
        "1万5, 15000",
        "1万5千, 15000",
        "3千, 3000",
        "2千5, 2500",
        "一点五, 1.5",
        "一点五万, 15000",
        "壹佰, 100",
        "贰仟零伍, 2005",
        "五零零, 500",
        "万, 10000"
    })
    void readsChineseNumerals(String written, String value) {
        Reading reading = ChineseNumerals.read(written);
        assertThat(reading.ok()).as(String.valueOf(reading.problem())).isTrue();
        assertThat(reading.value()).isEqualByComparingTo(new BigDecimal(value));
    }

    @ParameterizedTest
    @ValueSource(strings = {"五百三千", "十百", "一万二万", "亿亿", "五五百"})
    void refusesUnitsOutOfOrder(String written) {
        assertThat(ChineseNumerals.read(written).problem()).isEqualTo(AmountProblem.MALFORMED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"一二三四五六七八九十一二三四五六七八九十一二三四五六"})
    void refusesNumeralsLongerThanAnyAmount(String written) {
        assertThat(ChineseNumerals.read(written).problem()).isEqualTo(AmountProblem.TOO_LARGE);
    }
}
