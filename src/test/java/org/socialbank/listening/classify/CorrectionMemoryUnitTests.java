package org.socialbank.listening.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.socialbank.listening.Sentiment;
import org.socialbank.listening.Topic;

class CorrectionMemoryUnitTests {

    private static CorrectionMemory.Example example(String language, String text, Sentiment sentiment, Topic topic) {
        return new CorrectionMemory.Example(language, CorrectionMemory.words(text), sentiment, topic);
    }

    @Test
    @DisplayName(
            "issue 20 (2.11): a reworded text takes the nearest correction; another text, another language or a short one does not")
    void aRewordedTextTakesTheNearestCorrection() {
        CorrectionMemory memory = new CorrectionMemory(List.of(
                example(
                        "en",
                        "Lovely, the cash machine at the station kept my card this morning",
                        Sentiment.NEGATIVE,
                        Topic.CARD_BLOCKED),
                example(
                        "fr",
                        "Bravo la banque, trois jours pour un virement",
                        Sentiment.NEGATIVE,
                        Topic.TRANSFER_DELAY)));

        assertThat(memory.nearest(
                        "en", CorrectionMemory.words("lovely... the cash machine at the station kept my card AGAIN")))
                .map(CorrectionMemory.Example::topic)
                .contains(Topic.CARD_BLOCKED);
        assertThat(memory.nearest(
                        "fr", CorrectionMemory.words("Bravo la banque : trois jours pour un simple virement")))
                .map(CorrectionMemory.Example::topic)
                .contains(Topic.TRANSFER_DELAY);
        assertThat(memory.nearest("en", CorrectionMemory.words("Lovely service at the branch this morning, thank you")))
                .isEmpty();
        assertThat(memory.nearest("ru", CorrectionMemory.words("the cash machine at the station kept my card")))
                .isEmpty();
        assertThat(memory.nearest("en", CorrectionMemory.words("my card"))).isEmpty();
    }

    @Test
    @DisplayName("issue 20 (2.11): among equally alike corrected texts the newest correction decides, every time")
    void theNewestOfEquallyAlikeTextsDecides() {
        String text = "the transfer to my landlord is pending since monday";
        CorrectionMemory memory = new CorrectionMemory(List.of(
                example("en", text, Sentiment.NEGATIVE, Topic.TRANSFER_DELAY),
                example("en", text, Sentiment.NEUTRAL, Topic.OTHER)));
        for (int i = 0; i < 3; i++) {
            assertThat(memory.nearest("en", CorrectionMemory.words(text + " again")))
                    .map(CorrectionMemory.Example::sentiment)
                    .contains(Sentiment.NEGATIVE);
        }
        assertThat(CorrectionMemory.similarity(CorrectionMemory.words(text), CorrectionMemory.words(text)))
                .isEqualTo(1.0);
    }
}
