package org.socialbank.listening.classify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LanguageDetectorUnitTests {

    @ParameterizedTest(name = "{1}: {0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "My card is blocked | en",
                "ok | en",
                "Ma carte est bloquée | fr",
                "merci ! | fr",
                "l'appli est down | fr",
                "Карта заблокирована | ru",
                "приложение опять down | ru",
                "کارتم مسدود شد | fa",
                "كارت من بلاك شده | fa",
                "app تون crash میکنه | fa",
                "我的卡被冻结了 | zh",
                "my card 又被冻结了 | zh",
                "ＡＰＰ打不开 | zh",
                "👍👍 | und",
                "12345 !!! | und"
            })
    void detects(String text, String language) {
        assertThat(LanguageDetector.detect(text)).isEqualTo(language);
    }
}
