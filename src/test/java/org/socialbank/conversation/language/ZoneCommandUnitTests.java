package org.socialbank.conversation.language;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.socialbank.shared.Language;

/** Issue 13: the customer's time zone set from the chat, in five languages. */
class ZoneCommandUnitTests {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "zone Europe/Paris|EN|Europe/Paris",
                "Time zone: new york|EN|new york",
                "timezone Tokyo|EN|Tokyo",
                "fuseau horaire Paris|FR|Paris",
                "fuseau Europe/Paris|FR|Europe/Paris",
                "часовой пояс Москва|RU|Москва",
                "Часовой пояс Europe/Moscow|RU|Europe/Moscow",
                "منطقه زمانی تهران|FA|تهران",
                "منطقهٔ زمانی Asia/Tehran|FA|Asia/Tehran",
                "منطقه‌ی زمانی تهران|FA|تهران",
                "时区 上海|ZH|上海",
                "时区上海|ZH|上海",
                "时区：Asia/Shanghai|ZH|Asia/Shanghai"
            })
    void readsTheZoneAfterTheWord(String text, Language language, String zone) {
        assertThat(ZoneCommand.read(text)).contains(new ZoneCommand(language, zone));
    }

    @Test
    void theWordAloneAsksWhichZoneIsSet() {
        assertThat(ZoneCommand.read("zone")).contains(new ZoneCommand(Language.EN, ""));
        assertThat(ZoneCommand.read("\u2067时区\u2069")).contains(new ZoneCommand(Language.ZH, ""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"zones", "pay $camille 5 for the zone party", "ozone", "fuseaux", "balance", "история"})
    void otherTextsAreNoZoneCommand(String text) {
        assertThat(ZoneCommand.read(text)).isEmpty();
    }
}
