package org.socialbank.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.socialbank.assistant.model.Examples;

/**
 * Issue 18 R.2: mobile top-up and bill payment are intents of our own, read from English by a
 * narrow rule that leaves every BANKING77 question to its BANKING77 intent (the classify API's
 * contract), and taught to fr, ru, fa and zh by their phrase sets.
 */
class FeatureQuestionsUnitTests {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "How do I top up my phone?|mobile_top_up",
                "can I recharge my mobile here|mobile_top_up",
                "I need phone credit for my mum|mobile_top_up",
                "buy airtime|mobile_top_up",
                "how do I pay my electricity bill|bill_payment",
                "pay the water bill|bill_payment",
                "Can I pay my gas company from here?|bill_payment",
                "where do I pay bills|bill_payment"
            })
    void aQuestionAboutTheFeatureIsReadAsOurIntent(String text, String intent) {
        assertThat(FeatureQuestions.english(text)).contains(intent);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "How do I top up my account?",
                "my top up did not work",
                "Can I top up using my phone?",
                "someone stole my phone",
                "I was charged twice on my bill",
                "split the bill with bob"
            })
    void banking77sOwnTopUpsAndBillWordsAreNotOurs(String text) {
        assertThat(FeatureQuestions.english(text)).isEmpty();
    }

    @Test
    void noQuestionOfBanking77sTrainingSplitMatchesTheRule() {
        Examples english = TrainedModels.read(TrainedModels.ENGLISH_DATA, true);
        List<String> matched = new ArrayList<>();
        for (String text : english.texts()) {
            Optional<String> own = FeatureQuestions.english(text);
            own.ifPresent(intent -> matched.add(intent + ": " + text));
        }
        assertThat(english.size()).isEqualTo(10_003);
        assertThat(matched).isEmpty();
    }

    @Test
    void everyOtherLanguageUnderstandsOurIntentsAndReceivingMoney() throws java.io.IOException {
        for (String language : Languages.OTHERS) {
            assertThat(PhrasesUnitTests.phrases(language, "train").labels())
                    .as(language)
                    .containsAll(FeatureQuestions.INTENTS)
                    .contains("receiving_money");
        }
        assertThat(Intents.ALL).doesNotContainAnyElementsOf(FeatureQuestions.INTENTS);
    }
}
