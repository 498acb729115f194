package org.socialbank.assistant.model;

import static org.assertj.core.api.Assertions.assertThat;

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
        assertThat(ScikitTerms.chars("ab.")).containsExactly(" a", "ab", "b.", ". ", " ab", "ab.", "b. ", " ab.",
                "ab. ", " ab. ");
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
        assertThat(Tfidf.fit(split.train().texts(), 2, Tfidf.Terms.SCIKIT_LEARN).dimension()).isEqualTo(34_077);
    }
}
