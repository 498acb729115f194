package org.socialbank.cards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CardsPropertiesUnitTests {

    static CardsProperties with(int dueAfterDays, int graceDays, Map<String, Long> floors) {
        return with(dueAfterDays, graceDays, floors, 14);
    }

    static CardsProperties with(int dueAfterDays, int graceDays, Map<String, Long> floors, int dispatchNoticeDays) {
        return new CardsProperties(
                "400012",
                "510012",
                4,
                dueAfterDays,
                graceDays,
                10,
                floors,
                5,
                null,
                5,
                ZoneOffset.UTC,
                Duration.ofHours(1),
                100,
                Duration.ofSeconds(5),
                100,
                dispatchNoticeDays);
    }

    @Test
    void defaultsTheFloorsOfTheDemoCurrenciesAndTakesMore() {
        CardsProperties p = with(18, 3, Map.of("USD", 2_500L, "EUR", 2_000L));
        assertThat(p.minimumFloorMinor("USD")).isEqualTo(2_500);
        assertThat(p.minimumFloorMinor("EUR")).isEqualTo(2_000);
        assertThat(p.minimumFloorMinor("CNY")).isEqualTo(10_000);
        assertThat(p.lateFeeFloorMinor("CNY")).isEqualTo(1_000);
        assertThat(p.minimumFloorMinor("GBP")).isZero();
    }

    @Test
    void aDueDateOutsideTheNextCycleStopsTheStart() {
        assertThatThrownBy(() -> with(25, 3, null)).hasMessageContaining("socialbank.cards.grace-days");
        assertThatThrownBy(() -> with(0, 3, null)).hasMessageContaining("due-after-days");
        assertThatThrownBy(() -> with(18, 3, Map.of("eur", 1L))).hasMessageContaining("minimum-floors-minor");
        assertThatThrownBy(() -> with(18, 3, null, -1)).hasMessageContaining("socialbank.cards.dispatch-notice-days");
        assertThatThrownBy(() -> with(18, 3, null, 61)).hasMessageContaining("dispatch-notice-days");
        assertThat(with(18, 3, null, 0).dispatchNoticeDays()).isZero();
    }

    @Test
    void aBadReminderSettingStopsTheStart() {
        assertThat(new CardRemindersProperties(true, 3, 7, Duration.ofHours(1), 100).daysBefore())
                .isEqualTo(3);
        assertThatThrownBy(() -> new CardRemindersProperties(true, 0, 7, Duration.ofHours(1), 100))
                .hasMessageContaining("socialbank.cards.reminders.days-before");
        assertThatThrownBy(() -> new CardRemindersProperties(true, 3, 30, Duration.ofHours(1), 100))
                .hasMessageContaining("overdue-within-days");
        assertThatThrownBy(() -> new CardRemindersProperties(true, 3, 7, Duration.ofMillis(10), 100))
                .hasMessageContaining("interval");
        assertThatThrownBy(() -> new CardRemindersProperties(true, 3, 7, Duration.ofHours(1), 0))
                .hasMessageContaining("batch-max");
    }
}
