package org.socialbank.assistant.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The English terms as scikit-learn's TfidfVectorizer makes them (its word and char_wb analyzers). */
class ScikitTermsUnitTests {

    @Test
    void wordsAreTwoOrMoreWordCharactersSoOneLetterWordsAndApostrophesSplit() {
        assertThat(ScikitTerms.words("Where's my CARD?? I ordered it 2 weeks ago!"))
                .containsExactly("where", "my", "card", "ordered", "it", "weeks", "ago");
        assertThat(ScikitTerms.words("top-up of 20.50 £")).containsExactly("top", "up", "of", "20", "50");
    }

    @Test
    void charNgramsKeepPunctuationInsideTheWhitespaceSeparatedToken() {
        assertThat(ScikitTerms.chars("ab."))
                .containsExactly(" a", "ab", "b.", ". ", " ab", "ab.", "b. ", " ab.", "ab. ", " ab. ");
        assertThat(ScikitTerms.chars("Top-up")).contains("p-u", " top-", "-up ");
    }

    @Test
    void aShortTokenIsCountedOnceAsAWholeAndWhitespaceRunsAreOneSeparator() {
        assertThat(ScikitTerms.chars("I \t a")).containsExactly(" i", "i ", " i ", " a", "a ", " a ");
    }

    @Test
    void theEnglishVocabularyKeepsEveryWordTermButOnlyCharTermsInTwoTexts() {
        List<String> texts = List.of("lost card", "lost phone", "card?");
        Tfidf scikit = Tfidf.fit(texts, 2, Tfidf.Terms.SCIKIT_LEARN);
        Tfidf scripts = Tfidf.fit(texts, 2, Tfidf.Terms.SCRIPTS);
        // words: lost, card, phone, lost card, lost phone (5), all kept; char terms in two texts: those of
        // " lost " (14) and those " card" shares with " card? " (" c", "ca", "ar", "rd", " ca", "car", "ard",
        // " car", "card", " card": 10)
        assertThat(scikit.dimension()).isEqualTo(5 + 14 + 10);
        // today's terms: words lost, card in two texts (2); char terms of " lost " and " card " (14 + 14)
        assertThat(scripts.dimension()).isEqualTo(2 + 14 + 14);
    }

    @Test
    void onTheEnglishTrainingQuestionsTheVocabularyIsTheStudysSize() throws IOException {
        Examples.Split split;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("assistant/banking77/train.csv")) {
            split = Examples.readCsv(in).split(0.2, EnglishAccuracyUnitTests.SEED);
        }
        // the study's scikit-learn pipeline: 34,103 on its own 80 % (docs/assistant.md, Recipe); 22,217
        // with min_df 2 on the word block too
        assertThat(Tfidf.fit(split.train().texts(), 2, Tfidf.Terms.SCIKIT_LEARN).dimension())
                .isEqualTo(34_077);
    }

    @Test
    void aCachedModelKeepsItsTermsAndAnswersExactlyAsTheTrainedOne() throws IOException {
        Examples examples =
                Examples.readCsv(new ByteArrayInputStream("""
                text,category
                Where's my card?,card_arrival
                my card hasn't come yet,card_arrival
                card still not here?,card_arrival
                I forgot my PIN!,forgot_pin
                what's my pin?,forgot_pin
                pin forgotten help,forgot_pin
                """.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        IntentModel trained = IntentModel.train(
                examples,
                new IntentModel.Settings(1, new SoftmaxRegression.Exact(30, 60, 1e-6), Tfidf.Terms.SCIKIT_LEARN));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        trained.write(bytes);
        IntentModel cached = IntentModel.read(new ByteArrayInputStream(bytes.toByteArray()));
        // "card?" is a char_wb token only with scikit-learn's terms: a cache read with other terms answers otherwise
        for (String question : List.of("card?", "my pin?!", "where is it")) {
            assertThat(cached.logProbabilities(question)).containsExactly(trained.logProbabilities(question));
        }
        assertThat(cached.rank("card?").get(0).intent()).isEqualTo("card_arrival");
    }
}
