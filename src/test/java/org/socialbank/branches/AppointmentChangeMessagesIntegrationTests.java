package org.socialbank.branches;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.socialbank.conversation.Inbound;
import org.socialbank.conversation.Outbound;
import org.socialbank.conversation.OutboundMessage;
import org.socialbank.directory.CustomerId;
import org.socialbank.shared.CustomerTime;
import org.socialbank.shared.Language;
import org.socialbank.shared.Network;
import org.socialbank.support.Api;
import org.socialbank.support.Api.Response;
import org.socialbank.support.ChatFakes;
import org.socialbank.support.Chats;
import org.socialbank.support.RecordingSender;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Review 2026-12-07 branches #1 over real HTTP, the engine and a Telegram fake on H2: an
 * appointment the bank books, moves or cancels through the API is told once in the customer's
 * private chat, in her language, with the branch, the day and the time (in her zone); one she
 * cancels in her chat is answered there and not told a second time; a public network hears nothing.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "socialbank.web.secure-cookies=false",
            "socialbank.conversation.relay-enabled=false",
            "socialbank.services.appointments.reminders-enabled=false"
        })
@Import({ChatFakes.class, AppointmentTestClock.class})
class AppointmentChangeMessagesIntegrationTests extends AppointmentTestBase {

    /** Thursday 3 December 2026, 14:00 and 15:30 in Paris: the day after the test clock's. */
    static final String BOOKED = "2026-12-03T14:00:00+01:00";

    static final String MOVED = "2026-12-03T15:30:00+01:00";

    @LocalServerPort
    int port;

    @Autowired
    Chats chats;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RecordingSender telegram;

    Api api;

    @BeforeEach
    void api() {
        api = new Api(port);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "EN|An appointment has been booked for you|has been moved|has been cancelled",
                "FR|Un rendez-vous a été pris pour vous|a été déplacé|a été annulé",
                "RU|Вас записали|перенесена|отменена",
                "FA|برای شما نوبت گرفته شد|تغییر کرد|لغو شد",
                "ZH|已为您预约|已改期|已取消"
            })
    @DisplayName("review 2026-12-07 branches follow-up: staff book, move and cancel over the API and the "
            + "customer's chat is told each once, in her language, with the branch, the day and the time")
    void staffChangesAreToldInTheCustomersChatOnce(Language language, String booked, String moved, String cancelled) {
        String branch = fixtures.parisBranch(3);
        String name = branches.find(branch).orElseThrow().name();
        CustomerId customer = fixtures.customer("Told Customer", language);
        String chat = chats.linkedTo(customer);
        UUID id = UUID.randomUUID();
        CustomerTime time = CustomerTime.of(language.locale(), null);
        chats.say(chat, "/start"); // her chat is known to the bank once she has written in it
        chats.drain();
        int before = told(chat).size();

        Response created =
                api.post("/api/v1/appointments", AppointmentFixtures.booking(id, customer, branch, BOOKED, "cards"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String code = created.json().path("code").asString();
        Response moving = api.post("/api/v1/appointments/" + id + "/reschedule", "{\"start\":\"" + MOVED + "\"}");
        assertThat(moving.status()).as(moving.body()).isEqualTo(200);
        for (int i = 0; i < 2; i++) { // the second is a replay: nothing changes, nobody is told again
            Response cancel = api.post("/api/v1/appointments/" + id + "/cancel", "{}");
            assertThat(cancel.status()).as(cancel.body()).isEqualTo(200);
        }
        chats.drain();

        List<String> told = told(chat).subList(before, told(chat).size());
        assertThat(told).as("%s", told).hasSize(3);
        Instant from = OffsetDateTime.parse(BOOKED).toInstant();
        Instant to = OffsetDateTime.parse(MOVED).toInstant();
        assertThat(told.get(0)).startsWith(booked).contains(name, code, time.dateTime(from));
        assertThat(told.get(1)).contains(moved, name, code, time.dateTime(to), time.dateTime(from));
        assertThat(told.get(2)).contains(cancelled, name, code, time.dateTime(to));
        List<String> withButtons = chats.sent(chat, Outbound.Buttons.class).stream()
                .map(b -> Chats.withoutIsolates(b.text()))
                .toList();
        // the booking and the move carry Cancel and Reschedule buttons; the cancel is a text
        assertThat(withButtons.subList(withButtons.size() - 2, withButtons.size()))
                .containsExactly(told.get(0), told.get(1));
        assertThat(chats.sent(chat)).map(Chats::withoutIsolates).contains(told.get(2));
    }

    /** The texts (with buttons or not) sent to a Telegram chat, in order, without Persian's isolates. */
    private List<String> told(String chat) {
        return telegram.to(chat).stream()
                .map(OutboundMessage::content)
                .map(c -> c instanceof Outbound.Buttons b ? b.text() : c instanceof Outbound.Text t ? t.text() : "")
                .map(Chats::withoutIsolates)
                .toList();
    }

    @Test
    @DisplayName("review 2026-12-07 branches follow-up: an appointment she cancels in her chat is answered there, "
            + "not told a second time")
    void aCancelInHerChatIsAnsweredOnlyThere() {
        String branch = fixtures.parisBranch(3);
        CustomerId customer = fixtures.customer("Self Service", Language.EN);
        String chat = chats.linkedTo(customer);
        chats.say(chat, "/start");
        UUID id = UUID.randomUUID();
        assertThat(api.post("/api/v1/appointments", AppointmentFixtures.booking(id, customer, branch, BOOKED, "cards"))
                        .status())
                .isEqualTo(201);
        String answer = Chats.text(chats.say(chat, "cancel my appointment"));
        assertThat(answer).contains("is cancelled");
        assertThat(appointments.appointment(new AppointmentId(id)).orElseThrow().status())
                .isEqualTo(AppointmentStatus.CANCELLED);
        chats.drain();
        List<String> told = told(chat);
        assertThat(told).filteredOn(t -> t.contains("has been booked for you")).hasSize(1); // the bank booked it
        assertThat(told).filteredOn(t -> t.contains("has been cancelled")).isEmpty();
        assertThat(told).filteredOn(t -> t.contains("is cancelled")).hasSize(1);
    }

    @Test
    @DisplayName("review 2026-12-07 branches follow-up: a customer reached only on a public network is told "
            + "nothing of a change the bank made")
    void aPublicNetworkIsToldNothing() {
        String branch = fixtures.parisBranch(3);
        CustomerId customer = fixtures.customer("Public Only", Language.EN);
        String account = "x-" + UUID.randomUUID().toString().substring(0, 8);
        chats.linkedTo(Network.X, account, customer);
        chats.say(Network.X, account, new Inbound.Text("my appointments")); // a chat the bank knows, but public
        int before = outboxTo(Network.X, account);
        UUID id = UUID.randomUUID();
        assertThat(api.post("/api/v1/appointments", AppointmentFixtures.booking(id, customer, branch, BOOKED, "cards"))
                        .status())
                .isEqualTo(201);
        assertThat(api.post("/api/v1/appointments/" + id + "/cancel", "{}").status())
                .isEqualTo(200);
        assertThat(outboxTo(Network.X, account)).isEqualTo(before);
    }

    private int outboxTo(Network network, String account) {
        return jdbc.sql("SELECT COUNT(*) FROM outbox_messages WHERE identity_id = ?")
                .param(chats.identity(network, account).value())
                .query(Integer.class)
                .single();
    }

    @Test
    @DisplayName("review 2026-12-07 branches follow-up: an appointment she books in her chat is confirmed there, "
            + "not told a second time")
    void aChatBookingIsAnsweredByTheChatAlone() {
        String chat = chats.linkedTo(fixtures.customer("Chat Booker", Language.EN));
        fixtures.parisBranch(3);
        Outbound offer = chats.say(chat, new Inbound.Text("book an appointment at the Paris branch tomorrow afternoon"))
                .get(0);
        assertThat(offer).as(offer.toString()).isInstanceOf(Outbound.Buttons.class);
        chats.say(
                chat,
                new Inbound.Button(((Outbound.Buttons) offer).buttons().get(0).reference()));
        chats.drain();
        assertThat(told(chat)).filteredOn(t -> t.startsWith("Booked:")).hasSize(1);
        assertThat(told(chat))
                .filteredOn(t -> t.contains("has been booked for you"))
                .isEmpty();
    }
}
