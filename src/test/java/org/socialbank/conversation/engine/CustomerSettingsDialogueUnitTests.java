package org.socialbank.conversation.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.socialbank.conversation.Inbound;
import org.socialbank.conversation.Outbound;
import org.socialbank.conversation.dialogue.Dialogue;
import org.socialbank.conversation.dialogue.DialogueState;
import org.socialbank.shared.Language;
import org.socialbank.shared.Network;

/**
 * Issue 13: one language and one zone per customer. The language a linked chat speaks is the
 * customer's (so one chosen on a page or in another chat is spoken here), "language fa" in a
 * linked chat changes the customer's, and "zone ..." sets the zone every date of the chat is in.
 */
class CustomerSettingsDialogueUnitTests {

    final Dialogue dialogue = new Dialogue(DialogueUnitTests.KEYS, java.time.Duration.ofMinutes(10));
    FakeBank bank;
    DialogueState state;

    @BeforeEach
    void setUp() {
        bank = new FakeBank();
        state = DialogueState.NEW;
    }

    List<Outbound> say(String text) {
        Dialogue.Step step = dialogue.handle(state, Network.TELEGRAM, new Inbound.Text(text), false, bank);
        state = step.state();
        return step.replies();
    }

    @Test
    @DisplayName("issue 13: 'language fa' in a linked chat is the customer's language, for every chat and page")
    void aLanguageChosenInALinkedChatIsTheCustomers() {
        bank.linkedIn(Language.EN);
        assertThat(DialogueUnitTests.text(say("language fa"))).isEqualTo("fa:conversation.language.switched");
        assertThat(bank.linked.language()).isEqualTo(Language.FA);
        assertThat(DialogueUnitTests.text(say("balance"))).startsWith("fa:conversation.balance.title");
    }

    @Test
    @DisplayName("issue 13: a language chosen elsewhere (a page, another chat) wins over what this chat chose before")
    void theCustomersLanguageChosenElsewhereIsSpokenHere() {
        bank.linkedIn(Language.EN);
        say("language french");
        assertThat(state.language()).isEqualTo(Language.FR);
        bank.linkedIn(Language.ZH); // chosen on the bank’s page meanwhile
        assertThat(DialogueUnitTests.text(say("balance"))).startsWith("zh:conversation.balance.title");
    }

    @Test
    void anUnlinkedChatKeepsItsOwnLanguage() {
        assertThat(DialogueUnitTests.text(say("language russian"))).isEqualTo("ru:conversation.language.switched");
        assertThat(state.language()).isEqualTo(Language.RU);
        assertThat(DialogueUnitTests.text(say("help"))).startsWith("ru:conversation.help");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "zone Asia/Tokyo|en|Asia/Tokyo",
                "time zone new york|en|America/New_York",
                "fuseau horaire Paris|fr|Europe/Paris",
                "часовой пояс Москва|ru|Europe/Moscow",
                "منطقه زمانی تهران|fa|Asia/Tehran",
                "时区 上海|zh|Asia/Shanghai"
            })
    @DisplayName("issue 13: the zone is set from the chat in five languages")
    void theZoneIsSetInFiveLanguages(String text, String tag, String zone) {
        bank.linkedIn(Language.fromTag(tag).orElseThrow());
        String said = DialogueUnitTests.text(say(text));
        assertThat(said).startsWith(tag + ":conversation.zone.set[" + zone + ",");
        assertThat(bank.zone).isEqualTo(ZoneId.of(zone));
    }

    @Test
    @DisplayName("issue 13: every date of the chat is in the customer's zone")
    void historyTimesAreInTheChosenZone() {
        bank.linkedIn(Language.EN);
        // the fake's history line is 2026-11-20 10:00 UTC: 10:00 in London (English's default), 19:00 in Tokyo
        assertThat(DialogueUnitTests.text(say("history"))).contains("10:00").doesNotContain("19:00");
        say("zone Asia/Tokyo");
        assertThat(DialogueUnitTests.text(say("history")))
                .contains("7:00")
                .doesNotContain("10:00")
                .doesNotContain("UTC");
        assertThat(DialogueUnitTests.text(say("zone"))).startsWith("en:conversation.zone.current[Asia/Tokyo,");
    }

    @Test
    void aZoneThatNamesNoPlaceIsRefusedAndAnUnlinkedChatIsOfferedTheLink() {
        bank.linkedIn(Language.EN);
        assertThat(DialogueUnitTests.text(say("zone UTC"))).isEqualTo("en:conversation.zone.unknown[UTC]");
        assertThat(DialogueUnitTests.text(say("zone Atlantis"))).isEqualTo("en:conversation.zone.unknown[Atlantis]");
        assertThat(bank.zone).isNull();
        FakeBank stranger = new FakeBank();
        List<Outbound> offered = dialogue.handle(
                        DialogueState.NEW, Network.TELEGRAM, new Inbound.Text("zone Europe/Paris"), false, stranger)
                .replies();
        assertThat(offered.get(0)).isInstanceOf(Outbound.Link.class);
    }

    /**
     * Issue 13 §5 (5.3): loyalty and appointment dates in the chat are in the customer's zone, as
     * the receipts and the history are, not in her language's.
     */
    @Test
    void pointsAndAppointmentDatesAreInTheChosenZone() {
        bank.linkedIn(Language.EN);
        Instant lateEvening = Instant.parse("2026-11-30T22:30:00Z"); // Nov 30 in London, Dec 1 in Tokyo
        bank.pointsSummary = new org.socialbank.loyalty.PointsSummary(
                120,
                List.of(new org.socialbank.loyalty.PointsSummary.Expiring(50, lateEvening)),
                List.of(new org.socialbank.loyalty.PointsSummary.Movement("earned", 70, lateEvening)));
        bank.appointmentsHeld.add(new org.socialbank.branches.Appointment(
                new org.socialbank.branches.AppointmentId(java.util.UUID.randomUUID()),
                bank.linked().orElseThrow().customerId(),
                "paris-opera",
                Instant.parse("2026-12-03T09:00:00Z"),
                null,
                "K7Q2",
                org.socialbank.branches.AppointmentStatus.BOOKED,
                "telegram",
                lateEvening,
                lateEvening,
                null));
        assertThat(DialogueUnitTests.text(say("my points"))).contains("Nov 30").doesNotContain("Dec 1");
        assertThat(DialogueUnitTests.text(say("my appointments")))
                .contains("9:00")
                .doesNotContain("6:00");
        say("zone Asia/Tokyo");
        assertThat(DialogueUnitTests.text(say("my points"))).contains("Dec 1").doesNotContain("Nov 30");
        assertThat(DialogueUnitTests.text(say("my appointments")))
                .contains("6:00")
                .doesNotContain("9:00")
                .doesNotContain("UTC");
    }
}
