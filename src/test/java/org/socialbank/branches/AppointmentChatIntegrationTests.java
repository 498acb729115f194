package org.socialbank.branches;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.socialbank.conversation.Inbound;
import org.socialbank.conversation.Outbound;
import org.socialbank.conversation.OutboundMessage;
import org.socialbank.directory.CustomerId;
import org.socialbank.shared.Dates;
import org.socialbank.shared.Language;
import org.socialbank.shared.Network;
import org.socialbank.support.ChatFakes;
import org.socialbank.support.Chats;
import org.socialbank.support.RecordingSender;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * Issue 16 section 5 in chat, on a network fake (Telegram) over the real engine and store: "book an
 * appointment at the Paris branch tomorrow morning for a mortgage" in the five languages offers the
 * morning's free times as buttons, a press books and confirms with the code and the time in the
 * customer's language and zone; the reminder the day before carries Cancel and Reschedule buttons
 * that work; an unlinked chat is offered the link.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {
            "socialbank.conversation.relay-enabled=false",
            "socialbank.services.appointments.reminders-enabled=false"
        })
@Import({ChatFakes.class, AppointmentTestClock.class})
class AppointmentChatIntegrationTests extends AppointmentTestBase {

    /** Wednesday 2 December 2026, 9:00 in Paris. */
    static final Instant NOW = AppointmentTestClock.NOW;
    /** Thursday 3 December, 9:00 in Paris: tomorrow's first slot. */
    static final Instant FIRST = Instant.parse("2026-12-03T08:00:00Z");

    private static String paris; // one Paris branch for the whole class: the chat finds the first by city

    @Autowired
    AppointmentReminders reminders;

    @Autowired
    Chats chats;

    @Autowired
    RecordingSender telegram;

    @BeforeEach
    void parisBranch() {
        synchronized (AppointmentChatIntegrationTests.class) {
            if (paris == null) {
                paris = fixtures.parisBranch(50);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "EN|Hi, please book an appointment at the Paris branch tomorrow morning for a mortgage",
                "FR|Bonjour, je voudrais prendre rendez-vous à l’agence de Paris demain matin pour un prêt immobilier",
                "RU|Запишите меня в отделение в Париже на завтра утром, по ипотеке",
                "FA|برای فردا صبح در شعبهٔ پاریس برای وام مسکن نوبت می‌خواهم",
                "ZH|帮我预约明天上午巴黎网点办理房贷"
            })
    void booksTomorrowMorningInTheCustomersLanguage(Language language, String text) {
        CustomerId customer = fixtures.customer("Chat Customer", language);
        String chat = chats.linkedTo(customer);
        Outbound.Buttons offer =
                (Outbound.Buttons) chats.say(chat, new Inbound.Text(text)).get(0);
        assertThat(offer.text()).contains(paris);
        assertThat(offer.buttons()).hasSize(6); // 9:00 to 11:30: the morning
        assertThat(offer.buttons().get(0).label()).isEqualTo(Dates.time(FIRST, language.locale()));

        Outbound booked = chats.say(
                        chat, new Inbound.Button(offer.buttons().get(0).reference()))
                .get(0);
        List<Appointment> mine = appointments.upcoming(customer);
        assertThat(mine).hasSize(1);
        assertThat(mine.get(0).start()).isEqualTo(FIRST);
        assertThat(mine.get(0).service()).isEqualTo("mortgage");
        assertThat(mine.get(0).channel()).isEqualTo("telegram");
        assertThat(((Outbound.Text) booked).text())
                .contains(mine.get(0).code())
                .contains(Dates.dateTime(FIRST, language.locale()));
    }

    @Test
    void theReminderTheDayBeforeCancelsAndReschedulesFromItsButtons() {
        CustomerId customer = fixtures.customer("Reminded Customer", Language.FR);
        String chat = chats.linkedTo(customer);
        Outbound.Buttons offer = (Outbound.Buttons)
                chats.say(chat, new Inbound.Text("rendez-vous à Paris demain après-midi pour retirer des espèces"))
                        .get(0);
        assertThat(offer.buttons().get(0).label()).isEqualTo("12:00");
        chats.say(chat, new Inbound.Button(offer.buttons().get(0).reference()));
        Appointment booked = appointments.upcoming(customer).get(0);
        assertThat(booked.start()).isEqualTo(Instant.parse("2026-12-03T11:00:00Z"));

        clock.advance(Duration.ofHours(4)); // 13:00 in Paris: tomorrow 12:00 is 23 hours away
        reminders.remind();
        reminders.remind();
        chats.drain();
        List<Outbound.Buttons> reminded = telegram.to(chat).stream()
                .map(OutboundMessage::content)
                .filter(Outbound.Buttons.class::isInstance)
                .map(Outbound.Buttons.class::cast)
                .filter(b -> b.text().contains(booked.code()))
                .toList();
        assertThat(reminded).hasSize(1);
        assertThat(reminded.get(0).text())
                .startsWith("Rappel")
                .contains(Dates.dateTime(booked.start(), Language.FR.locale()));
        assertThat(reminded.get(0).buttons()).extracting(Outbound.Button::label).containsExactly("Annuler", "Déplacer");

        Outbound offered = chats.say(
                        chat,
                        new Inbound.Button(reminded.get(0).buttons().get(1).reference()))
                .get(0);
        assertThat(offered).as(offered.toString()).isInstanceOf(Outbound.Buttons.class);
        Outbound.Buttons times = (Outbound.Buttons) offered;
        String moved = ((Outbound.Text) chats.say(
                                chat, new Inbound.Button(times.buttons().get(0).reference()))
                        .get(0))
                .text();
        Appointment now = appointments.appointment(booked.id()).orElseThrow();
        assertThat(now.start()).isNotEqualTo(booked.start());
        assertThat(moved).startsWith("C’est déplacé").contains(booked.code());

        String cancelled = ((Outbound.Text) chats.say(
                                chat,
                                new Inbound.Button(
                                        reminded.get(0).buttons().get(0).reference()))
                        .get(0))
                .text();
        assertThat(cancelled).contains("annulé");
        assertThat(appointments.appointment(booked.id()).orElseThrow().status()).isEqualTo(AppointmentStatus.CANCELLED);
    }

    @Test
    void anUnlinkedChatIsOfferedTheLinkAndBooksNothing() {
        String chat = "tg-" + UUID.randomUUID();
        List<Outbound> replies =
                chats.say(chat, new Inbound.Text("book an appointment at the Paris branch tomorrow morning"));
        assertThat(replies.get(0)).isInstanceOf(Outbound.Link.class);
    }

    @Test
    void aPublicNetworkGetsTheNeutralAnswerEvenWhenLinked() {
        CustomerId customer = fixtures.customer("Public Customer", Language.EN);
        String account = "x-" + UUID.randomUUID().toString().substring(0, 8);
        chats.linkedTo(Network.X, account, customer);
        List<Outbound> replies = chats.say(
                Network.X, account, new Inbound.Text("book an appointment at the Paris branch tomorrow morning"));
        assertThat(((Outbound.Text) replies.get(0)).text()).startsWith("Appointments are booked in a private chat");
        assertThat(appointments.upcoming(customer)).isEmpty();
    }

    @Test
    void aBranchThatIsNotNamedIsAskedFor() {
        String chat = chats.linkedTo(fixtures.customer("Vague Customer", Language.EN));
        Outbound reply = chats.say(chat, new Inbound.Text("I need an appointment tomorrow"))
                .get(0);
        assertThat(((Outbound.Text) reply).text()).startsWith("At which branch?");
    }
}
