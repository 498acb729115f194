package org.socialbank.conversation.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socialbank.conversation.Inbound;
import org.socialbank.conversation.dialogue.Bank.Guess;
import org.socialbank.conversation.dialogue.Dialogue;
import org.socialbank.conversation.dialogue.DialogueState;
import org.socialbank.directory.Alias;
import org.socialbank.directory.AliasType;
import org.socialbank.directory.Language;
import org.socialbank.directory.Network;

/** Issue 18: a text the command parser declines is answered by the assistant, through the Bank. */
class AssistantChatUnitTests {

    final Dialogue dialogue = new Dialogue(DialogueUnitTests.KEYS, java.time.Duration.ofMinutes(10));
    FakeBank bank;
    Dialogue.Step last;

    @BeforeEach
    void setUp() {
        bank = new FakeBank();
        bank.knows(new Alias(AliasType.HANDLE, Network.TELEGRAM, "bob"), "Bob B.");
    }

    String say(String text, boolean inGroup) {
        last = dialogue.handle(DialogueState.NEW, Network.TELEGRAM, new Inbound.Text(text), inGroup, bank);
        return DialogueUnitTests.text(last.replies());
    }

    String say(String text) {
        return say(text, false);
    }

    @Test
    void aSureIntentWithAnAnswerGetsItInTheLanguageOfTheText() {
        bank.guesses.put("ma carte n'est toujours pas arrivée", new Guess(Language.FR, "card_arrival", true,
                List.of("card_arrival", "card_delivery_estimate", "activate_my_card")));
        bank.guesses.put("我的卡丢了", new Guess(Language.ZH, "lost_or_stolen_card", true,
                List.of("lost_or_stolen_card", "card_arrival", "activate_my_card")));

        assertThat(say("ma carte n'est toujours pas arrivée")).isEqualTo("fr:assistant.answer.card_arrival");
        assertThat(last.language()).isEqualTo(Language.FR);
        assertThat(last.shareable()).as("generic: a group may read it").isTrue();
        assertThat(say("我的卡丢了")).isEqualTo("zh:assistant.answer.lost_or_stolen_card");
    }

    @Test
    void theAnswerIsTheSameLinkedOrNotAndInAGroup() {
        Guess sure = new Guess(Language.EN, "top_up_failed", true, List.of("top_up_failed", "top_up_reverted", "pending_top_up"));
        bank.guesses.put("my top up did not work", sure);
        String unlinked = say("my top up did not work");
        assertThat(say("my top up did not work", true)).isEqualTo(unlinked);
        assertThat(last.shareable()).isTrue();
        bank.linkedIn(Language.FA);
        assertThat(say("my top up did not work")).isEqualTo(unlinked).isEqualTo("en:assistant.answer.top_up_failed");
    }

    @Test
    void unsureSaysSoAndOffersTheThreeMostProbableIntents() {
        bank.guesses.put("something about my card", new Guess(Language.EN, "card_arrival", false,
                List.of("card_arrival", "card_delivery_estimate", "lost_or_stolen_card")));

        assertThat(say("something about my card")).isEqualTo("""
                en:assistant.not_sure
                • en:assistant.title.card_arrival
                • Card delivery estimate
                • en:assistant.title.lost_or_stolen_card""");
        assertThat(last.shareable()).isTrue();
    }

    @Test
    void notSureIsInTheChatsLanguageAsTheHintWas() {
        bank.linkedIn(Language.FR);
        bank.guesses.put("blorp", new Guess(Language.EN, "card_arrival", false,
                List.of("card_arrival", "top_up_failed", "exchange_rate")));

        assertThat(say("blorp")).isEqualTo("""
                fr:assistant.not_sure
                • fr:assistant.title.card_arrival
                • fr:assistant.title.top_up_failed
                • Exchange rate""");
        assertThat(last.language()).isEqualTo(Language.FR);
    }

    @Test
    void aSureIntentWithoutAnAnswerOrNoGuessKeepsTheHint() {
        bank.guesses.put("what is the exchange rate", new Guess(Language.EN, "exchange_rate", true,
                List.of("exchange_rate", "exchange_charge", "fiat_currency_support")));

        assertThat(say("what is the exchange rate")).startsWith("Sorry, I did not get that");
        assertThat(say("blah blah")).startsWith("Sorry, I did not get that"); // the assistant cannot read it
        assertThat(bank.guessed).containsExactly("what is the exchange rate", "blah blah");
    }

    @Test
    void theParsersOwnCommandsNeverReachTheAssistant() {
        for (String command : List.of("help", "aide", "balance", "history", "pay @bob 10", "branches", "thanks",
                "language french", "cancel", "unlink")) {
            bank.guesses.put(command, new Guess(Language.EN, "card_arrival", true, List.of("card_arrival")));
            assertThat(say(command)).as(command).doesNotContain("assistant.");
        }
        assertThat(bank.guessed).isEmpty();
    }

    @Test
    void everyAnswerAndTitleIsWrittenInEveryLanguage() throws java.io.IOException {
        List<String> keys = Dialogue.messageKeys().stream().filter(k -> k.startsWith("assistant.")).toList();
        assertThat(keys).hasSize(21); // "not sure", and an answer and a title for each of ten intents
        for (String suffix : List.of("", "_fr", "_ru", "_fa", "_zh")) {
            java.util.Properties bundle = new java.util.Properties();
            try (var in = new java.io.InputStreamReader(getClass().getResourceAsStream("/messages" + suffix + ".properties"),
                    java.nio.charset.StandardCharsets.UTF_8)) {
                bundle.load(in);
            }
            for (String key : keys) {
                assertThat(bundle.getProperty(key)).as(key + " in messages" + suffix).isNotBlank();
            }
        }
    }
}
