package org.socialbank.conversation.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.socialbank.shared.Language;

/** Issue 17: a STOP word alone, in any of the five languages and however it is typed, stops marketing. */
class StopWordsUnitTests {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            STOP                 | en
            stop                 | en
            Stop!                | en
            ＳＴＯＰ              | en
            /stop                | en
            S T O P              | en
            Unsubscribe          | en
            opt-out              | en
            ARRET                | fr
            ARRÊT                | fr
            arrêt.               | fr
            Désabonner           | fr
            se désabonner        | fr
            DESABONNER           | fr
            СТОП                 | ru
            Стоп                 | ru
            отписаться           | ru
            Отписка              | ru
            لغو                  | fa
            لغو عضویت            | fa
            لغو عضويت            | fa
            لغو‌عضویت             | fa
            لغوِ                 | fa
            توقف                 | fa
            لغو اشتراك           | fa
            退订                 | zh
            退訂                 | zh
            取消订阅             | zh
            TD                   | zh
            """)
    void aStopWordAloneIsReadInItsLanguage(String text, String tag) {
        assertThat(StopWords.match(text))
                .as(text)
                .hasValueSatisfying(l -> assertThat(l.tag()).isEqualTo(tag));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "stop the payment to bob",
                "send 10 to @bob",
                "don't stop",
                "stopper",
                "",
                "   ",
                "لغو پرداخت به علی",
                "退订了吗我想付款",
                "help",
                "отпишитесь от меня пожалуйста и переведите 10"
            })
    void aStopWordInsideASentenceIsNoStop(String text) {
        assertThat(StopWords.match(text)).as(text).isEmpty();
    }

    @Test
    void aLongTextIsNotRead() {
        assertThat(StopWords.match("stop" + " ".repeat(StopWords.TEXT_LENGTH_MAX)))
                .isEmpty();
        assertThat(StopWords.match(null)).isEmpty();
    }

    @Test
    void theParserAnswersTheStopIntentAndTheChatsLanguageWins() {
        CommandParser parser = new CommandParser();
        Context context = Context.of(org.socialbank.shared.Network.TELEGRAM, null);
        assertThat(parser.parse("СТОП", Optional.empty(), context).intent()).isEqualTo(Intent.STOP);
        assertThat(parser.parse("СТОП", Optional.empty(), context).language()).isEqualTo(Language.RU);
        assertThat(parser.parse("stop", Optional.of(Language.FR), context).language())
                .isEqualTo(Language.FR);
        assertThat(parser.parse("stop paying bob", Optional.empty(), context).intent())
                .isNotEqualTo(Intent.STOP);
    }
}
