package org.socialbank.channels.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Bot API's "no" as the sender reads it: which 403s shut the person's private chat. */
class TelegramApiUnitTests {

    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "403|Forbidden: bot was blocked by the user|true",
                "403|Forbidden: bot can't initiate conversation with a user|true",
                "403|Forbidden: user is deactivated|true",
                "403|Forbidden: bot was kicked from the supergroup chat|false",
                "403|Forbidden: bot is not a member of the group chat|false",
                "400|Bad Request: chat not found|false",
                "429|Too Many Requests: retry after 5|false"
            })
    void onlyA403AboutThePersonsPrivateChatShutsIt(int status, String description, boolean shut) {
        String envelope = "{\"ok\":false,\"error_code\":" + status + ",\"description\":\"" + description + "\"}";
        TelegramApi.Answer answer = TelegramApi.read("sendMessage", status, envelope.getBytes(StandardCharsets.UTF_8));
        assertThat(((TelegramApi.Refused) answer).privateChatShut()).isEqualTo(shut);
    }
}
