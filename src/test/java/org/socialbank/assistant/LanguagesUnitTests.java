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
                "my visa карта|ru"
            })
    void theScriptOrFrenchWordsTellTheLanguage(String text, String language) {
        assertThat(Languages.guess(text)).isEqualTo(language);
    }
}
