package org.socialbank.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Dates as each people reads them, in their zone (issue 13, UX walk-through P12/P13). */
class DatesUnitTests {

    /** 2026-12-01 20:45 UTC: 00:15 on 2 December in Tehran (UTC+3:30), 04:45 in Shanghai. */
    static final Instant EVENING = Instant.parse("2026-12-01T20:45:00Z");

    @Test
    void persianIsSolarHijriInPersianDigitsOnTehranTime() {
        assertThat(Dates.date(EVENING, Locale.forLanguageTag("fa"))).isEqualTo("۱۱ آذر ۱۴۰۵");
        assertThat(Dates.dateTime(EVENING, Locale.forLanguageTag("fa")))
                .contains("۱۱ آذر ۱۴۰۵")
                .contains("۰:۱۵")
                .contains("ایران")
                .doesNotContain("UTC")
                .doesNotContainPattern("[0-9]");
    }

    @Test
    void chineseIsYearMonthDayOnChinaTime() {
        assertThat(Dates.date(EVENING, Locale.CHINESE)).isEqualTo("2026年12月2日");
    }

    @Test
    void theOthersUseTheirMediumStyleInTheirZone() {
        assertThat(Dates.date(EVENING, Locale.ENGLISH)).isEqualTo("Dec 1, 2026");
        assertThat(Dates.date(EVENING, Locale.FRENCH)).isEqualTo("1 déc. 2026");
        assertThat(Dates.dateTime(EVENING, Locale.forLanguageTag("ru")))
                .contains("1 дек. 2026")
                .contains("23:45")
                .contains("Москва");
        assertThat(Dates.dateTime(EVENING, Locale.ENGLISH))
                .contains("8:45")
                .contains("United Kingdom")
                .doesNotContain("UTC");
        System.out.println(Dates.dateTime(EVENING, Locale.ENGLISH) + " | " + Dates.dateTime(EVENING, Locale.FRENCH)
                + " | " + Dates.dateTime(EVENING, Locale.CHINESE));
    }
}
