package org.socialbank.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue 13: a customer's dates in her own zone, chosen by a place, never "UTC". */
class CustomerTimeUnitTests {

    /** 2026-12-01 20:45 UTC. */
    static final Instant EVENING = Instant.parse("2026-12-01T20:45:00Z");

    @ParameterizedTest
    @CsvSource({
        "Europe/Paris,Europe/Paris",
        "europe/paris,Europe/Paris",
        "asia/tehran,Asia/Tehran",
        "Paris,Europe/Paris",
        "new york,America/New_York",
        "Tokyo,Asia/Tokyo",
        "تهران,Asia/Tehran",
        "上海,Asia/Shanghai",
        "Москва,Europe/Moscow",
        "America/Argentina/Buenos_Aires,America/Argentina/Buenos_Aires"
    })
    void readsARegionOrACityInAnyCase(String typed, String zone) {
        assertThat(CustomerTime.parse(typed)).contains(ZoneId.of(zone));
    }

    @ParameterizedTest
    @ValueSource(strings = {"UTC", "GMT", "Etc/UTC", "+03:30", "UTC+3", "Z", "Atlantis", "", " ", "Europe/"})
    void refusesWhatNamesNoPlace(String typed) {
        assertThat(CustomerTime.parse(typed)).isEmpty();
    }

    @Test
    void choosableZonesNamePlaces() {
        assertThat(CustomerTime.choosable(ZoneId.of("Asia/Tehran"))).isTrue();
        assertThat(CustomerTime.choosable(ZoneId.of("UTC"))).isFalse();
        assertThat(CustomerTime.choosable(ZoneId.of("Etc/GMT+3"))).isFalse();
        assertThat(CustomerTime.choosable(java.time.ZoneOffset.ofHours(2))).isFalse();
        assertThat(CustomerTime.choosable(null)).isFalse();
    }

    @Test
    void withoutAChoiceTheZoneIsTheLanguages() {
        assertThat(CustomerTime.of(Locale.forLanguageTag("fa"), null).zone()).isEqualTo(ZoneId.of("Asia/Tehran"));
        assertThat(CustomerTime.of(Locale.CHINESE, null).zone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
        assertThat(CustomerTime.of(Locale.FRENCH, null).zone()).isEqualTo(ZoneId.of("Europe/Paris"));
        assertThat(CustomerTime.of(Locale.FRENCH, ZoneId.of("America/Montreal")).zone())
                .isEqualTo(ZoneId.of("America/Montreal"));
    }

    @Test
    void aChosenZoneMovesTheDayAndTheTimeAndNamesThePlace() {
        CustomerTime tokyo = CustomerTime.of(Locale.ENGLISH, ZoneId.of("Asia/Tokyo"));
        assertThat(tokyo.date(EVENING)).isEqualTo("Dec 2, 2026"); // 05:45 the next day in Tokyo
        assertThat(tokyo.time(EVENING)).contains("5:45");
        assertThat(tokyo.dateTime(EVENING))
                .contains("Dec 2, 2026")
                .contains("5:45")
                .contains("Japan")
                .doesNotContain("UTC");
        CustomerTime persianInParis = CustomerTime.of(Locale.forLanguageTag("fa"), ZoneId.of("Europe/Paris"));
        assertThat(persianInParis.date(EVENING)).isEqualTo("۱۰ آذر ۱۴۰۵"); // 21:45 on 1 December in Paris
        assertThat(persianInParis.dateTime(EVENING))
                .contains("۲۱:۴۵")
                .doesNotContainPattern("[0-9]")
                .doesNotContain("UTC");
        assertThat(tokyo.monthStart(EVENING)).isEqualTo(Instant.parse("2026-11-30T15:00:00Z")); // 1 Dec 00:00 JST
    }
}
