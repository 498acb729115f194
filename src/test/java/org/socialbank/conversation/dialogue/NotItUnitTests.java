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
}
