package org.socialbank.conversation.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue 18: "no, that's not it" is the whole text; a question that merely contains its words is a question. */
class NotItUnitTests {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "No, that's not it.",
                "Wrong answer",
                "c'est pas ca !",
                "Это не то",
                "نه این نبود",
                "این نبود",
                "不对。",
                "没有帮助"
            })
    void saysTheAnswerWasNotIt(String text) {
        assertThat(Answers.notIt(text)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "no card arrived yet",
                "not it the transfer, the card",
                "это не то перевод который я ждал",
                "不对的汇率怎么办呢我付了欧元",
                "this is not what I asked for, my card was charged twice and the shop refuses",
                "no",
                "non",
                "нет",
                "نه",
                "不"
            })
    void aQuestionOrAPlainNoIsNot(String text) {
        assertThat(Answers.notIt(text)).isEmpty();
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({
        "no, EN",
        "Nope., EN",
        "non, FR",
        "Non !, FR",
        "нет, RU",
        "Нет., RU",
        "نه, FA",
        "نیست, FA",
        "不, ZH",
        "不对。, ZH",
        "That's not it, EN"
    })
    @org.junit.jupiter.api.DisplayName(
            "an open form reads a bare no and every \"not it\" as its question declined, in its language "
                    + "(review 2026-12-07 assistant follow-up)")
    void aFormReadsABareNoAndNotIt(String text, org.socialbank.shared.Language language) {
        assertThat(Answers.no(text)).contains(language);
    }

    @ParameterizedTest
    @ValueSource(strings = {"no card arrived yet", "non merci pour la carte", "нет денег", "不到账", "nobody"})
    @org.junit.jupiter.api.DisplayName(
            "a text that only begins with a no is not one (review 2026-12-07 assistant follow-up)")
    void aTextThatOnlyBeginsWithNoIsNot(String text) {
        assertThat(Answers.no(text)).isEmpty();
    }
}
