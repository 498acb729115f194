package org.socialbank.conversation.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.socialbank.conversation.Inbound;
import org.socialbank.conversation.Outbound;
import org.socialbank.conversation.dialogue.Dialogue;
import org.socialbank.conversation.dialogue.DialogueState;
import org.socialbank.shared.Network;

/** Issue 17: STOP words and the platforms' stop and block events withdraw marketing, linked or not. */
class StopDialogueUnitTests {

    final Dialogue dialogue = new Dialogue(DialogueUnitTests.KEYS, java.time.Duration.ofMinutes(10));
    final FakeBank bank = new FakeBank();

    @Test
    void aStopWordFromAnUnlinkedChatIsConfirmedInItsLanguage() {
        Dialogue.Step step =
                dialogue.handle(DialogueState.NEW, Network.TELEGRAM, new Inbound.Text("СТОП"), false, bank);
        assertThat(bank.marketingStopped).containsExactly("СТОП");
        assertThat(step.replies()).containsExactly(new Outbound.Text("ru:consent.stop.confirmed"));
    }

    @Test
    void platformStopAndBlockEventsWithdrawMarketingSilently() {
        Dialogue.Step stop = dialogue.handle(DialogueState.NEW, Network.WECHAT, new Inbound.Stop(), false, bank);
        Dialogue.Step blocked =
                dialogue.handle(DialogueState.NEW, Network.TELEGRAM, new Inbound.Blocked(), false, bank);
        assertThat(bank.marketingStopped).isEqualTo(List.of("stop", "blocked"));
        assertThat(stop.replies()).isEmpty();
        assertThat(blocked.replies()).isEmpty();
    }

    @Test
    void aStopWordDuringAPaymentCancelsItAndSaysBoth() {
        bank.linkedIn(org.socialbank.shared.Language.EN);
        bank.knows(
                new org.socialbank.directory.Alias(org.socialbank.directory.AliasType.HANDLE, Network.TELEGRAM, "bob"),
                "Bob B.");
        Dialogue.Step paying =
                dialogue.handle(DialogueState.NEW, Network.TELEGRAM, new Inbound.Text("pay @bob 10"), false, bank);
        assertThat(paying.state().form()).isNotNull();
        Dialogue.Step stop = dialogue.handle(paying.state(), Network.TELEGRAM, new Inbound.Text("stop"), false, bank);
        assertThat(stop.state().form()).isNull();
        assertThat(stop.replies())
                .containsExactly(
                        new Outbound.Text("en:conversation.pay.cancelled"),
                        new Outbound.Text("en:consent.stop.confirmed"));
        assertThat(bank.marketingStopped).containsExactly("stop");
    }

    @Test
    void aSentenceWithStopInItIsNoOptOut() {
        dialogue.handle(DialogueState.NEW, Network.TELEGRAM, new Inbound.Text("stop the payment"), false, bank);
        assertThat(bank.marketingStopped).isEmpty();
    }
}
