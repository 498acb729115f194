package org.socialbank.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LanguagesUnitTests {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "my card still hasn't arrived|en",
                "I want a refund|en",
                "ma carte n'est toujours pas arrivée|fr",
                "je veux un remboursement|fr",
                "где моя карта|ru",
                "کارتم هنوز نرسیده|fa",
                "我的卡还没到|zh",
                "my visa карта|ru",
                // a walk-through (session 19): read as English before, so the English model answered
                "combien de temps prend un virement|fr",
                "c'est visa ou mastercard ?|fr",
                "Change my pin?|en",
                "Is it Visa or Mastercard?|en",
                "I don’t know my card’s PIN|en",
                "j’ai perdu l’appli|fr",
                "comment me faire rembourser|fr"
            })
    void theScriptOrFrenchWordsTellTheLanguage(String text, String language) {
        assertThat(Languages.guess(text)).isEqualTo(language);
    }

    /**
     * With no language given (the classify API, an unlinked chat), the French phrase files are read
     * as French and BANKING77's English questions as English (session 19: 233 of 2,007 French
     * phrases were read as English with a list of 29 French words needing two of them).
     */
    @org.junit.jupiter.api.Test
    void frenchPhrasesAreReadAsFrenchAndBanking77AsEnglish() throws java.io.IOException {
        java.util.List<String> french = PhraseVarietyUnitTests.texts("fr");
        long frenchRead =
                french.stream().filter(t -> Languages.guess(t).equals("fr")).count();
        // measured: 2,004 of 2,007 ("recharge impossible", "apple pay compatible ?" have no word
        // only French writes); 3,317 of 3,326 with the session's later phrases
        assertThat(frenchRead).isGreaterThanOrEqualTo(french.size() * 995L / 1000);
        java.util.List<String> english =
                TrainedModels.read("assistant/banking77/train.csv", true).texts();
        assertThat(english.stream().filter(t -> !Languages.guess(t).equals("en")))
                .as("BANKING77 read as another language")
                .hasSizeLessThanOrEqualTo(2);
    }
}
