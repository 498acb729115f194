package org.socialbank.conversation.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.socialbank.conversation.dialogue.AppointmentWords.Part;
import org.socialbank.conversation.dialogue.AppointmentWords.Wish;

/** Issue 16 s5: what an appointment request says, as each language writes it. */
class AppointmentWordsUnitTests {

    static final LocalDate WEDNESDAY = LocalDate.of(2026, 12, 2);

    @Test
    void readsPlaceDayPartAndServiceInFiveLanguages() {
        expect(
                "book an appointment at the Paris branch tomorrow morning for a mortgage",
                "Paris",
                1,
                Part.MORNING,
                "mortgage");
        expect(
                "rendez-vous à l’agence de Paris demain après-midi pour ouvrir un compte",
                "Paris",
                1,
                Part.AFTERNOON,
                "account_opening");
        expect(
                "запишите меня в отделение в Москве послезавтра утром, нужна ипотека",
                "Moscow",
                2,
                Part.MORNING,
                "mortgage");
        expect(
                "فردا بعدازظهر در شعبه تهران برای افتتاح حساب نوبت می‌خواهم",
                "Tehran",
                1,
                Part.AFTERNOON,
                "account_opening");
        expect("预约明天上午上海网点办理房贷", "Shanghai", 1, Part.MORNING, "mortgage");
        expect("预约后天下午巴黎网点取现金", "Paris", 2, Part.AFTERNOON, "cash");
    }

    @Test
    void aWeekdayIsTheNextOneOrToday() {
        Wish friday = AppointmentWords.read("appointment in Paris on Friday");
        assertThat(friday.weekday()).isEqualTo(DayOfWeek.FRIDAY);
        assertThat(friday.firstDay(WEDNESDAY)).isEqualTo(LocalDate.of(2026, 12, 4));
        assertThat(AppointmentWords.read("rdv mercredi à Paris").firstDay(WEDNESDAY))
                .isEqualTo(WEDNESDAY);
        assertThat(AppointmentWords.read("запись на понедельник").firstDay(WEDNESDAY))
                .isEqualTo(LocalDate.of(2026, 12, 7));
        // Persian weekday names end in شنبه (Saturday): the longer name wins
        assertThat(AppointmentWords.read("نوبت برای چهارشنبه").weekday()).isEqualTo(DayOfWeek.WEDNESDAY);
        assertThat(AppointmentWords.read("نوبت برای شنبه").weekday()).isEqualTo(DayOfWeek.SATURDAY);
        assertThat(AppointmentWords.read("预约星期五").weekday()).isEqualTo(DayOfWeek.FRIDAY);
        Wish none = AppointmentWords.read("I need an appointment");
        assertThat(none.namesDay()).isFalse();
        assertThat(none.firstDay(WEDNESDAY)).isEqualTo(WEDNESDAY);
        assertThat(none.city()).isEmpty();
        assertThat(none.service()).isEmpty();
        assertThat(none.part()).isEqualTo(Part.ANY);
    }

    @Test
    void partsOfTheDaySplitAtNoon() {
        assertThat(Part.MORNING.holds(LocalTime.of(11, 30))).isTrue();
        assertThat(Part.MORNING.holds(LocalTime.NOON)).isFalse();
        assertThat(Part.AFTERNOON.holds(LocalTime.NOON)).isTrue();
        assertThat(Part.ANY.holds(LocalTime.of(8, 0))).isTrue();
    }

    private static void expect(String text, String city, int daysAhead, Part part, String service) {
        Wish wish = AppointmentWords.read(text);
        assertThat(wish.city()).as(text).isEqualTo(Optional.of(city));
        assertThat(wish.daysAhead()).as(text).isEqualTo(daysAhead);
        assertThat(wish.part()).as(text).isEqualTo(part);
        assertThat(wish.service()).as(text).isEqualTo(Optional.of(service));
    }
}
