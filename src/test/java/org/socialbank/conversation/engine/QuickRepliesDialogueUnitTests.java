package org.socialbank.conversation.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.socialbank.conversation.Inbound;
import org.socialbank.conversation.Outbound;
import org.socialbank.conversation.dialogue.Bank;
import org.socialbank.conversation.dialogue.Dialogue;
import org.socialbank.conversation.dialogue.DialogueState;
import org.socialbank.shared.CurrencyCode;
import org.socialbank.shared.Language;
import org.socialbank.shared.Network;

/**
 * Issue 13 (UX walk-through P3, P10): "more" pages the history by 20, typed or tapped, and answers
 * offer quick replies for the next steps on the networks that show buttons (Telegram, Bale, the
 * web chat), never in a group and never on the others.
 */
class QuickRepliesDialogueUnitTests {

    final Dialogue dialogue = new Dialogue(DialogueUnitTests.KEYS, java.time.Duration.ofMinutes(10));
    FakeBank bank;
    DialogueState state;
    Dialogue.Step last;

    @BeforeEach
    void setUp() {
        bank = new FakeBank();
        state = DialogueState.NEW;
        for (int i = 0; i < 30; i++) { // newest first, one an hour
            bank.movements.add(new Bank.Movement(
                    true,
                    100 + i,
                    CurrencyCode.of("EUR"),
                    Instant.parse("2026-11-22T10:00:00Z").minusSeconds(3_600L * i)));
        }
    }

    List<Outbound> send(Network network, Inbound content) {
        last = dialogue.handle(state, network, content, false, bank);
        state = last.state();
        return last.replies();
    }

    List<Outbound> say(String text) {
        return send(Network.TELEGRAM, new Inbound.Text(text));
    }

    static long lines(List<Outbound> replies) {
        return DialogueUnitTests.text(replies)
                .lines()
                .filter(l -> l.contains("conversation.history.out"))
                .count();
    }

    static List<String> labels(List<Outbound> replies) {
        return ((Outbound.Buttons) replies.get(0))
                .buttons().stream().map(Outbound.Button::label).toList();
    }

    @Test
    @DisplayName("issue 13: \"more\" after history shows the next 20, typed in any language or tapped")
    void moreShowsTheNextTwenty() {
        bank.linkedIn(Language.EN);
        List<Outbound> first = say("history");
        assertThat(lines(first)).isEqualTo(5);
        assertThat(labels(first)).containsExactly("en:conversation.quick.more", "en:conversation.quick.balance");
        String more = ((Outbound.Buttons) first.get(0)).buttons().get(0).reference();
        List<Outbound> second = send(Network.TELEGRAM, new Inbound.Button(more));
        assertThat(lines(second)).isEqualTo(20);
        assertThat(DialogueUnitTests.text(second)).contains("€1.05").doesNotContain("€1.04,"); // lines 6..25
        List<Outbound> third = say("更多");
        assertThat(lines(third)).isEqualTo(5);
        assertThat(labels(third))
                .as("nothing more to show")
                .containsExactly("en:conversation.quick.balance", "en:conversation.quick.pay");
        assertThat(DialogueUnitTests.text(say("more"))).isEqualTo("en:conversation.history.no_more");
        assertThat(DialogueUnitTests.text(say("بیشتر"))).isEqualTo("en:conversation.more.nothing");
    }

    @Test
    void aStateStoredBeforePagingReadsAsHavingShownNoHistory() {
        DialogueState old = Json.state("{\"language\":null,\"form\":null,\"formVersion\":3}");
        assertThat(old).isEqualTo(new DialogueState(null, null, 3, 0));
        DialogueState paged = new DialogueState(Language.FA, null, 3, 25);
        assertThat(Json.state(Json.state(paged))).isEqualTo(paged);
        // issue 18: the payment the chat last refused at its check is kept, and a state without one reads so
        DialogueState refused = new DialogueState(
                Language.FA,
                null,
                3,
                25,
                new DialogueState.Refusal(
                        java.util.UUID.randomUUID(),
                        42_000,
                        "EUR",
                        "Bob B.",
                        java.time.Instant.parse("2026-12-06T10:00:00.123456Z"),
                        "exceeds_daily_limit",
                        25_000L,
                        java.time.Instant.parse("2026-12-07T00:00:00Z")));
        assertThat(Json.state(Json.state(refused))).isEqualTo(refused);
        assertThat(Json.state(Json.state(refused.speaking(Language.FR))).lastRefusal())
                .as("kept when the chat's language changes")
                .isEqualTo(refused.lastRefusal());
        assertThat(old.lastRefusal()).isNull();
    }

    @Test
    void moreWithoutAHistoryFirstSaysHowAndAnUnlinkedChatIsOfferedTheLink() {
        assertThat(say("more").get(0)).isInstanceOf(Outbound.Link.class);
        bank.linkedIn(Language.FR);
        assertThat(DialogueUnitTests.text(say("la suite"))).isEqualTo("fr:conversation.more.nothing");
    }

    @Test
    @DisplayName("issue 13: balance and help offer quick replies on Telegram, Bale and the web chat only")
    void quickRepliesWhereTheNetworkShowsButtons() {
        bank.linkedIn(Language.ZH);
        List<Outbound> balance = say("余额");
        assertThat(labels(balance)).containsExactly("zh:conversation.quick.history", "zh:conversation.quick.pay");
        List<Outbound> history = send(
                Network.TELEGRAM,
                new Inbound.Button(
                        ((Outbound.Buttons) balance.get(0)).buttons().get(0).reference()));
        assertThat(DialogueUnitTests.text(history)).startsWith("zh:conversation.history.title");
        assertThat(send(Network.WEBCHAT, new Inbound.Text("help")).get(0)).isInstanceOf(Outbound.Buttons.class);
        assertThat(send(Network.BALE, new Inbound.Start()).get(0)).isInstanceOf(Outbound.Buttons.class);
        assertThat(send(Network.WECHAT, new Inbound.Text("余额")).get(0)).isInstanceOf(Outbound.Text.class);
        assertThat(send(Network.X, new Inbound.Text("help")).get(0)).isInstanceOf(Outbound.Text.class);
        Dialogue.Step inGroup =
                dialogue.handle(DialogueState.NEW, Network.TELEGRAM, new Inbound.Text("help"), true, bank);
        assertThat(inGroup.replies().get(0))
                .as("a group's members cannot press another's buttons")
                .isInstanceOf(Outbound.Text.class);
        List<Outbound> pay = send(
                Network.TELEGRAM,
                new Inbound.Button(
                        ((Outbound.Buttons) say("余额").get(0)).buttons().get(1).reference()));
        assertThat(DialogueUnitTests.text(pay)).isEqualTo("zh:conversation.pay.ask_payee");
    }

    static List<String> labelsOf(Outbound reply) {
        return ((Outbound.Buttons) reply)
                .buttons().stream().map(Outbound.Button::label).toList();
    }

    void linkedKnowingCamille(Language language) {
        bank.linkedIn(language);
        bank.knows(
                new org.socialbank.directory.Alias(org.socialbank.directory.AliasType.TAG, null, "camille"),
                "Camille D.");
    }

    static String reference(Outbound reply, int index) {
        return ((Outbound.Buttons) reply).buttons().get(index).reference();
    }

    @Test
    @DisplayName("issue 13: a receipt offers [Pay again] and [History]; Pay again goes through the checks and Confirm")
    void aReceiptOffersPayAgainWhichNeverPaysWithoutConfirm() {
        linkedKnowingCamille(Language.EN);
        List<Outbound> paid = send(
                Network.TELEGRAM,
                new Inbound.Button(reference(say("pay $camille 5").get(0), 0)));
        assertThat(paid.get(0)).isInstanceOf(Outbound.Receipt.class);
        assertThat(paid).hasSize(2);
        assertThat(((Outbound.Buttons) paid.get(1)).text()).isEqualTo("en:conversation.quick.after_payment");
        assertThat(labelsOf(paid.get(1)))
                .containsExactly("en:conversation.quick.pay_again", "en:conversation.quick.history");
        assertThat(bank.payments).hasSize(1);

        int checks = bank.checks;
        List<Outbound> again = send(Network.TELEGRAM, new Inbound.Button(reference(paid.get(1), 0)));
        assertThat(DialogueUnitTests.text(again)).isEqualTo("en:conversation.pay.confirm[€5.00,Camille D.]");
        assertThat(bank.payments)
                .as("a tap on Pay again pays nothing by itself")
                .hasSize(1);
        assertThat(bank.checks).as("checked before Confirm is shown").isEqualTo(checks + 1);
        List<Outbound> paidAgain = send(Network.TELEGRAM, new Inbound.Button(reference(again.get(0), 0)));
        assertThat(paidAgain.get(0)).isInstanceOf(Outbound.Receipt.class);
        assertThat(bank.payments).hasSize(2);
        assertThat(bank.payments.get(1)).isEqualTo(bank.payments.get(0));

        // a payment that cannot go again is refused before any Confirm, with the reason
        bank.precheckRefusal = new org.socialbank.conversation.dialogue.Bank.Refused(
                org.socialbank.payments.PaymentRejection.INSUFFICIENT_FUNDS, null, null, 300L);
        List<Outbound> refused = send(Network.TELEGRAM, new Inbound.Button(reference(paidAgain.get(1), 0)));
        assertThat(refused).noneMatch(Outbound.Buttons.class::isInstance);
        assertThat(refused.get(0).toString()).contains("conversation.pay.refused.funds_available");
        assertThat(bank.payments).hasSize(2);

        // [History] does what typing "history" does; a used button is stale
        List<Outbound> history = send(Network.TELEGRAM, new Inbound.Button(reference(paidAgain.get(1), 1)));
        assertThat(DialogueUnitTests.text(history)).startsWith("en:conversation.history.title");
        assertThat(DialogueUnitTests.text(send(Network.TELEGRAM, new Inbound.Button(reference(paid.get(1), 0)))))
                .isEqualTo("en:conversation.pay.stale");
    }

    @Test
    @DisplayName("issue 13: no quick replies under a receipt where the network shows no buttons")
    void aReceiptOnWhatsAppIsTheReceiptAlone() {
        linkedKnowingCamille(Language.FR);
        List<Outbound> confirm = send(Network.WHATSAPP, new Inbound.Text("paie $camille 5"));
        List<Outbound> paid = send(Network.WHATSAPP, new Inbound.Button(reference(confirm.get(0), 0)));
        assertThat(paid).singleElement().isInstanceOf(Outbound.Receipt.class);
    }

    @Test
    @DisplayName("issue 13: help and menu on WhatsApp are one list of the main actions, each row doing its command")
    void whatsAppHasAMenuOfTheMainActions() {
        bank.linkedIn(Language.RU);
        for (String asked : List.of("menu", "меню", "help")) {
            Outbound menu = send(Network.WHATSAPP, new Inbound.Text(asked)).get(0);
            assertThat(((Outbound.Buttons) menu).text()).isEqualTo("ru:conversation.help");
            assertThat(labelsOf(menu))
                    .containsExactly(
                            "ru:conversation.quick.balance",
                            "ru:conversation.quick.history",
                            "ru:conversation.quick.pay",
                            "ru:conversation.quick.requests",
                            "ru:conversation.quick.limits",
                            "ru:conversation.quick.spending",
                            "ru:conversation.quick.account",
                            "ru:conversation.quick.branches");
        }
        java.util.Map<Integer, String> said = new java.util.HashMap<>();
        for (int row = 0; row < 8; row++) {
            Outbound menu = send(Network.WHATSAPP, new Inbound.Text("menu")).get(0);
            List<Outbound> answer = send(Network.WHATSAPP, new Inbound.Button(reference(menu, row)));
            said.put(row, answer.get(0).toString());
        }
        assertThat(said.values())
                .allSatisfy(a -> assertThat(a)
                        .contains("ru:")
                        .doesNotContain("conversation.pay.stale")
                        .doesNotContain("conversation.not_yet")
                        .doesNotContain("Sorry"));
        assertThat(said.get(0)).contains("conversation.balance");
        assertThat(said.get(2)).contains("conversation.pay.ask_payee");
        assertThat(said.get(4)).contains("limits");
        assertThat(said.get(7)).contains("conversation.branches");
        assertThat(send(Network.TELEGRAM, new Inbound.Text("menu")).get(0))
                .as("Telegram has its own menu button")
                .isInstanceOf(Outbound.Buttons.class)
                .satisfies(m -> assertThat(labelsOf(m)).hasSize(3));
    }
}
