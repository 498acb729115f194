package org.socialbank.assistant.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextFeaturesUnitTests {

    @Test
    void wordsAreLowerCaseRunsOfLettersAndDigits() {
        assertThat(TextFeatures.words(TextFeatures.normalize("Where's my CARD?? I ordered it 2 weeks ago!")))
                .containsExactly("where's", "my", "card", "i", "ordered", "it", "2", "weeks", "ago");
    }

    @Test
    void wordTermsAddNeighbouringPairs() {
        assertThat(TextFeatures.wordTerms(java.util.List.of("lost", "my", "card")))
                .containsExactly("lost", "my", "card", "lost my", "my card");
    }

    @Test
    void stemsAreTheFirstFiveLettersOfEachWordAndLeaveHanCharactersAlone() {
        assertThat(TextFeatures.stems(TextFeatures.words(TextFeatures.normalize("Переводы перевода перевести"))))
                .containsExactly("перев", "перев", "перев");
        assertThat(TextFeatures.stems(TextFeatures.words(TextFeatures.normalize("mes virements, ma carte"))))
                .containsExactly("mes", "virem", "ma", "carte");
        assertThat(TextFeatures.stems(TextFeatures.words(TextFeatures.normalize("می\u200Cخواهم کارتم را"))))
                .containsExactly("میخوا", "کارتم", "را");
        assertThat(TextFeatures.stems(TextFeatures.words(TextFeatures.normalize("我的卡丢了"))))
                .containsExactly("我", "的", "卡", "丢", "了");
        // letters beyond the Basic Multilingual Plane count as one letter each, never half of one
        assertThat(TextFeatures.stems(
                        java.util.List.of("\uD835\uDC00\uD835\uDC01\uD835\uDC02\uD835\uDC03\uD835\uDC04\uD835\uDC05")))
                .containsExactly("\uD835\uDC00\uD835\uDC01\uD835\uDC02\uD835\uDC03\uD835\uDC04");
    }

    @Test
    void charTermsArePaddedTwoToFiveGramsInsideWords() {
        assertThat(TextFeatures.charTerms("pin"))
                .containsExactly(" p", "pi", "in", "n ", " pi", "pin", "in ", " pin", "pin ", " pin ");
    }

    @Test
    void persianIsTheSameWithOrWithoutZwnjAndWithArabicLetters() {
        assertThat(TextFeatures.normalize("می\u200Cخواهم کارت")).isEqualTo(TextFeatures.normalize("میخواهم كارت"));
        assertThat(TextFeatures.normalize("يک")).isEqualTo("یک");
    }

    @Test
    void russianYoIsYe() {
        assertThat(TextFeatures.normalize("Ещё")).isEqualTo("еще");
    }

    @Test
    void chineseWithoutSpacesSplitsIntoCharacters() {
        assertThat(TextFeatures.words(TextFeatures.normalize("我的卡丢了"))).containsExactly("我", "的", "卡", "丢", "了");
        assertThat(TextFeatures.charTerms("卡丢了")).contains("卡丢", "丢了", "卡丢了");
    }
}
