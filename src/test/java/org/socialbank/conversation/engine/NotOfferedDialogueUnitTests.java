package org.socialbank.conversation.engine;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.socialbank.conversation.language.NotOffered;
import org.socialbank.directory.Alias;
import org.socialbank.directory.AliasType;
import org.socialbank.shared.Language;
import org.socialbank.shared.Network;

/**
 * Issue 13 §4: "answer what is not yet possible honestly instead of falling into another intent".
 * Before, "send money to the moon" started a payment that asked whom to pay, "open a savings
 * account" gave the hint, and "buy bitcoin" went to the assistant's guesses.
 */
class NotOfferedDialogueUnitTests {

    final Dialogue dialogue = new Dialogue(DialogueUnitTests.KEYS, java.time.Duration.ofMinutes(10));
    FakeBank bank;
    DialogueState state;

    @BeforeEach
    void setUp() {
        bank = new FakeBank();
        state = DialogueState.NEW;
        bank.knows(new Alias(AliasType.TAG, null, "camille"), "Camille D.");
    }

    List<Outbound> say(String text) {
        Dialogue.Step step = dialogue.handle(state, Network.TELEGRAM, new Inbound.Text(text), false, bank);
        state = step.state();
        return step.replies();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "open a savings account|en",
                "I want to buy bitcoin|en",
                "send money to the moon|en",
                "send 10 EUR to the moon|en",
                "can I get travel insurance?|en",
                "je veux ouvrir un compte épargne|fr",
                "acheter du bitcoin|fr",
                "envoie 10 € sur la lune|fr",
                "хочу открыть вклад|ru",
                "купить биткоин|ru",
                "переведи 100 рублей на луну|ru",
                "حساب پس‌انداز باز کن|fa",
                "بیت کوین بخر|fa",
                "۱۰ هزار تومان به کره ماه بفرست|fa",
                "我想开一个储蓄账户|zh",
                "买比特币|zh",
                "给月球转100元|zh"
            })
    @DisplayName("issue 13: a request the bank cannot do yet is answered so, in its language, whether linked or not")
    void aRequestTheBankCannotDoIsAnsweredSoAndNothingStarts(String text, String tag) {
        Language language = Language.fromTag(tag).orElseThrow();
        assertThat(DialogueUnitTests.text(say(text))).as("unlinked").isEqualTo(tag + ":conversation.not_offered");
        bank.linkedIn(language);
        assertThat(DialogueUnitTests.text(say(text))).as("linked").isEqualTo(tag + ":conversation.not_offered");
        assertThat(state.form()).as("no payment form started").isNull();
        assertThat(bank.payments).isEmpty();
    }

    @Test
    @DisplayName("issue 13: a payment to a payee whose note mentions such a thing still pays")
    void aPaymentThatNamesAPayeeIsStillAPayment() {
        bank.linkedIn(Language.EN);
        List<Outbound> confirm = say("pay $camille 5 for the bitcoin book");
        assertThat(DialogueUnitTests.text(confirm)).startsWith("en:conversation.pay.confirm");
        assertThat(NotOffered.asks("pay @bob 5 insurance")).isFalse();
        assertThat(NotOffered.asks("send 5 to +33671100001 for the savings account"))
                .isFalse();
        assertThat(NotOffered.asks("paie 5 € le 3 mars"))
                .as("mars is March in French")
                .isFalse();
        assertThat(NotOffered.asks("هزینه‌های این ماه"))
                .as("ماه is a month in Persian")
                .isFalse();
        assertThat(NotOffered.asks("balance")).isFalse();
        assertThat(NotOffered.asks("BITCOIN?")).isTrue();
    }
}
