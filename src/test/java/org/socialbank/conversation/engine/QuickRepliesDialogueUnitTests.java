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
import org.socialbank.shared.Language;
import org.socialbank.shared.Network;
import org.socialbank.shared.CurrencyCode;

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
            bank.movements.add(new Bank.Movement(true, 100 + i, CurrencyCode.of("EUR"),
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
        return DialogueUnitTests.text(replies).lines().filter(l -> l.contains("conversation.history.out")).count();
    }

    static List<String> labels(List<Outbound> replies) {
        return ((Outbound.Buttons) replies.get(0)).buttons().stream().map(Outbound.Button::label).toList();
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
        assertThat(labels(third)).as("nothing more to show").containsExactly("en:conversation.quick.balance",
                "en:conversation.quick.pay");
        assertThat(DialogueUnitTests.text(say("more"))).isEqualTo("en:conversation.history.no_more");
        assertThat(DialogueUnitTests.text(say("بیشتر"))).isEqualTo("en:conversation.more.nothing");
    }

    @Test
    void aStateStoredBeforePagingReadsAsHavingShownNoHistory() {
        DialogueState old = Json.state("{\"language\":null,\"form\":null,\"formVersion\":3}");
        assertThat(old).isEqualTo(new DialogueState(null, null, 3, 0));
        DialogueState paged = new DialogueState(Language.FA, null, 3, 25);
        assertThat(Json.state(Json.state(paged))).isEqualTo(paged);
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
        List<Outbound> history = send(Network.TELEGRAM, new Inbound.Button(
                ((Outbound.Buttons) balance.get(0)).buttons().get(0).reference()));
        assertThat(DialogueUnitTests.text(history)).startsWith("zh:conversation.history.title");
        assertThat(send(Network.WEBCHAT, new Inbound.Text("help")).get(0)).isInstanceOf(Outbound.Buttons.class);
        assertThat(send(Network.BALE, new Inbound.Start()).get(0)).isInstanceOf(Outbound.Buttons.class);
        assertThat(send(Network.WECHAT, new Inbound.Text("余额")).get(0)).isInstanceOf(Outbound.Text.class);
        assertThat(send(Network.X, new Inbound.Text("help")).get(0)).isInstanceOf(Outbound.Text.class);
        Dialogue.Step inGroup = dialogue.handle(DialogueState.NEW, Network.TELEGRAM, new Inbound.Text("help"), true, bank);
        assertThat(inGroup.replies().get(0)).as("a group's members cannot press another's buttons")
                .isInstanceOf(Outbound.Text.class);
        List<Outbound> pay = send(Network.TELEGRAM, new Inbound.Button(
                ((Outbound.Buttons) say("余额").get(0)).buttons().get(1).reference()));
        assertThat(DialogueUnitTests.text(pay)).isEqualTo("zh:conversation.pay.ask_payee");
    }
}
