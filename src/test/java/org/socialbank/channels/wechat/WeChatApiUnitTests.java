package org.socialbank.channels.wechat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What WeChat's answers say in a log line: never the access token (review of fix-a). */
class WeChatApiUnitTests {

    static final String SECRET_TOKEN = "ACCESS_TOKEN_84b1d0c9e2f7a6";

    @Test
    void theTextOfATokenAndOfTheAnswerThatCarriesItHidesTheToken() {
        WeChatApi.Ok ok = new WeChatApi.Ok(
                WeChatApi.JSON.readTree("{\"access_token\":\"" + SECRET_TOKEN + "\",\"expires_in\":7200}"));
        WeChatApi.Token token = WeChatApi.token(ok).orElseThrow();
        assertThat(token.value()).isEqualTo(SECRET_TOKEN);
        assertThat(ok.toString()).doesNotContain(SECRET_TOKEN).contains("2 fields");
        assertThat(token.toString()).doesNotContain(SECRET_TOKEN).contains("7200");
    }

    @Test
    void aLogLineNamesTheKindAndCodeAndIsBounded() {
        WeChatApi.Ok unusable = new WeChatApi.Ok(
                WeChatApi.JSON.readTree("{\"access_token\":\"" + SECRET_TOKEN + "\",\"expires_in\":0}"));
        assertThat(WeChatApi.token(unusable)).isEmpty();
        assertThat(WeChatApi.describe(unusable)).doesNotContain(SECRET_TOKEN).startsWith("ok");
        assertThat(WeChatApi.describe(new WeChatApi.Refused(40013, "invalid appid")))
                .isEqualTo("refused, errcode 40013: invalid appid");
        for (WeChatApi.Answer answer : List.of(
                new WeChatApi.Refused(40164, "x".repeat(10_000)),
                new WeChatApi.Unavailable("y".repeat(10_000)),
                new WeChatApi.Lost("z".repeat(10_000)))) {
            assertThat(WeChatApi.describe(answer)).hasSizeLessThanOrEqualTo(203);
        }
    }
}
