package org.socialbank.branches;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socialbank.conversation.Inbound;
import org.socialbank.conversation.Outbound;
import org.socialbank.directory.CustomerId;
import org.socialbank.shared.Language;
import org.socialbank.support.ChatFakes;
import org.socialbank.support.Chats;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * Issue 16 s5 by text, on a Telegram fake over the real engine and store: "my appointments" lists
 * the coming ones with Cancel buttons (Persian), "cancel K7M3PX" cancels by code (Chinese), "cancel
 * my appointment" cancels the only one or asks which, and a branch is chosen by its name where a
 * city has several (the others are named when none is).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {
            "socialbank.conversation.relay-enabled=false",
            "socialbank.services.appointments.reminders-enabled=false"
        })
@Import({ChatFakes.class, AppointmentTestClock.class})
class AppointmentTextIntegrationTests extends AppointmentTestBase {

    private static String bastille;
    private static String opera;

    @Autowired
    Chats chats;

    @BeforeEach
    void parisBranches() {
        synchronized (AppointmentTextIntegrationTests.class) {
            if (bastille == null) {
                bastille = branch("Bastille");
                opera = branch("Opéra");
            }
        }
    }

    @Test
    void myAppointmentsInPersianListsThemAndItsButtonCancels() {
        CustomerId customer = fixtures.customer("Text Customer", Language.FA);
        String chat = chats.linkedTo(customer);
        assertThat(Chats.text(chats.say(chat, new Inbound.Text("نوبت‌های من")))).contains("نوبت پیش رویی ندارید");
        Appointment first = book(customer, bastille, "2026-12-03T09:00:00+01:00");
        Appointment second = book(customer, opera, "2026-12-04T10:00:00+01:00");
        Outbound.Buttons listed = (Outbound.Buttons)
                chats.say(chat, new Inbound.Text("نوبت‌های من")).get(0);
        assertThat(listed.text()).contains(first.code()).contains(second.code()).contains("socialbank Bastille");
        assertThat(listed.buttons()).hasSize(2);
        String cancelled = Chats.text(
                chats.say(chat, new Inbound.Button(listed.buttons().get(0).reference())));
        assertThat(cancelled).contains("socialbank Bastille");
        assertThat(appointments.appointment(first.id()).orElseThrow().status()).isEqualTo(AppointmentStatus.CANCELLED);
        assertThat(appointments.upcoming(customer)).extracting(Appointment::id).containsExactly(second.id());
    }

    @Test
    void cancelByCodeInChineseAndAnUnknownCodeIsSaidSo() {
        CustomerId customer = fixtures.customer("Code Customer", Language.ZH);
        CustomerId other = fixtures.customer("Other Customer", Language.ZH);
        String chat = chats.linkedTo(customer);
        Appointment mine = book(customer, bastille, "2026-12-03T10:00:00+01:00");
        Appointment theirs = book(other, bastille, "2026-12-03T10:30:00+01:00");
        assertThat(Chats.text(chats.say(chat, new Inbound.Text("取消 " + theirs.code()))))
                .contains("没有预约码为")
                .contains(theirs.code()); // the engine spaces a Latin code apart from the Han characters
        assertThat(appointments.appointment(theirs.id()).orElseThrow().status()).isEqualTo(AppointmentStatus.BOOKED);
        chats.say(chat, new Inbound.Text("取消预约 " + mine.code()));
        assertThat(appointments.appointment(mine.id()).orElseThrow().status()).isEqualTo(AppointmentStatus.CANCELLED);
    }

    @Test
    void cancelMyAppointmentCancelsTheOnlyOneOrAsksWhich() {
        CustomerId customer = fixtures.customer("Cancel Customer", Language.EN);
        String chat = chats.linkedTo(customer);
        Appointment only = book(customer, opera, "2026-12-03T11:00:00+01:00");
        chats.say(chat, new Inbound.Text("cancel my appointment"));
        assertThat(appointments.appointment(only.id()).orElseThrow().status()).isEqualTo(AppointmentStatus.CANCELLED);
        book(customer, opera, "2026-12-03T11:30:00+01:00");
        book(customer, opera, "2026-12-04T11:30:00+01:00");
        Outbound.Buttons which = (Outbound.Buttons)
                chats.say(chat, new Inbound.Text("cancel my appointment")).get(0);
        assertThat(which.text()).startsWith("Which appointment should I cancel?");
        assertThat(which.buttons()).hasSize(2);
        assertThat(appointments.upcoming(customer)).hasSize(2);
    }

    @Test
    void aBranchIsChosenByItsNameAndTheOthersAreNamedWhenNoneIs() {
        CustomerId customer = fixtures.customer("Branch Customer", Language.EN);
        String chat = chats.linkedTo(customer);
        Outbound.Buttons named = (Outbound.Buttons)
                chats.say(chat, new Inbound.Text("book an appointment at the Opera branch in Paris tomorrow morning"))
                        .get(0);
        assertThat(named.text()).contains("socialbank Opéra").doesNotContain("Other branches");
        Outbound.Buttons city =
                (Outbound.Buttons) chats.say(chat, new Inbound.Text("book an appointment in Paris tomorrow morning"))
                        .get(0);
        assertThat(city.text()).contains("Other branches there:");
        Outbound booked = chats.say(
                        chat, new Inbound.Button(named.buttons().get(0).reference()))
                .get(0);
        assertThat(appointments.upcoming(customer))
                .singleElement()
                .satisfies(a -> assertThat(a.branchId()).isEqualTo(opera));
        assertThat(((Outbound.Text) booked).text()).contains("socialbank Opéra");
    }

    private String branch(String name) {
        String id = "N-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT);
        branches.save(new Branch(
                id,
                "socialbank " + name,
                "2 place " + name + ", 75004 Paris",
                "Paris",
                48.85,
                2.36,
                "Mon–Fri 9:00–17:30",
                false));
        Map<DayOfWeek, OpeningHours> hours = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : List.of(
                DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)) {
            hours.put(day, OpeningHours.of("09:00", "17:30"));
        }
        appointments.saveSchedule(
                new BranchSchedule(id, ZoneId.of("Europe/Paris"), Set.of("mortgage", "cards", "cash"), hours, 30, 20));
        return id;
    }

    private Appointment book(CustomerId customer, String branch, String start) {
        BookingResult result = appointments.book(
                new BookingRequest(
                        new AppointmentId(UUID.randomUUID()),
                        customer,
                        branch,
                        OffsetDateTime.parse(start),
                        "cards",
                        "api"),
                AppointmentActor.BANK);
        assertThat(result).isInstanceOf(BookingResult.Done.class);
        return ((BookingResult.Done) result).appointment();
    }
}
