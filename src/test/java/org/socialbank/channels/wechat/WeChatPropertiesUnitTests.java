package org.socialbank.channels.wechat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.socialbank.conversation.Outbound;

/** A bad setting stops the start with a message naming it; template fields are filled as mapped. */
class WeChatPropertiesUnitTests {

    static final String TOKEN = "Kx7Qm2Lp9Vw4Rt8Zb3Nc6Hd1Fg5Js0Ty";

    @Test
    @DisplayName("security review #2: a token shorter than 32 characters stops the start")
    void aShortTokenStopsTheStart() {
        assertThat(properties("wx1", "secret", TOKEN, "", Map.of()).token()).hasSize(32);
        for (String token : new String[] {"pamtest", TOKEN.substring(1), TOKEN + "x", TOKEN.substring(1) + "-", ""}) {
            assertThatThrownBy(() -> properties("wx1", "secret", token, "", Map.of()))
                    .as(token)
                    .hasMessageContaining("socialbank.channels.wechat.token must be 32 random letters or digits");
        }
    }

    @Test
    void theChannelIsOffWithoutAnAppIdAndValidatedWithOne() {
        assertThat(properties("", "", "", "", Map.of()).enabled()).isFalse();
        assertThat(properties("wx1", "secret", TOKEN, WeChatCryptoUnitTests.SAMPLE_KEY, Map.of())
                        .canDecrypt())
                .isTrue();
        assertThatThrownBy(() -> properties("wx1", "", TOKEN, "", Map.of()))
                .hasMessageContaining("socialbank.channels.wechat.app-secret");
        assertThatThrownBy(() -> properties("wx1", "secret", "t", "", Map.of()))
                .hasMessageContaining("socialbank.channels.wechat.token");
        assertThatThrownBy(() -> properties("wx1", "secret", TOKEN, "tooShort", Map.of()))
                .hasMessageContaining("encoding-aes-key");
        assertThatThrownBy(() -> properties("wx1", "secret", TOKEN, "", Map.of("first", "nothing")))
                .hasMessageContaining("alert-template-fields.first");
    }

    @Test
    void wrappedPagesAreAmongTheBanksPages() {
        assertThatThrownBy(() -> new WeChatProperties(
                        "wx1",
                        "secret",
                        TOKEN,
                        "",
                        URI.create("https://api.weixin.qq.com"),
                        true,
                        "zh",
                        Duration.ofMillis(3500),
                        Duration.ofSeconds(10),
                        Duration.ofMinutes(5),
                        20,
                        "",
                        Map.of(),
                        null,
                        URI.create("https://open.weixin.qq.com"),
                        Set.of("link", "admin"),
                        Duration.ofMinutes(5),
                        Duration.ofMinutes(30)))
                .hasMessageContaining("socialbank.channels.wechat.oauth-paths");
        assertThatThrownBy(() -> new WeChatProperties(
                        "wx1",
                        "secret",
                        TOKEN,
                        "",
                        URI.create("https://api.weixin.qq.com"),
                        true,
                        "zh",
                        Duration.ofMillis(3500),
                        Duration.ofSeconds(10),
                        Duration.ofMinutes(5),
                        20,
                        "",
                        Map.of(),
                        null,
                        URI.create("ftp://open.weixin.qq.com"),
                        Set.of(),
                        Duration.ofMinutes(5),
                        Duration.ofMinutes(30)))
                .hasMessageContaining("socialbank.channels.wechat.oauth-base-url");
    }

    @Test
    void templateFieldsTakeTitleLinesAndTime() {
        Map<String, String> filled = TemplateFields.fill(
                Map.of("first", "title", "keyword1", "line2", "keyword2", "time", "remark", "line9"),
                new Outbound.Receipt("Paid", List.of("€5.00", "to Camille D.")),
                Instant.parse("2026-11-22T10:15:30Z"));
        assertThat(filled)
                .containsEntry("first", "Paid")
                .containsEntry("keyword1", "to Camille D.")
                .containsEntry("keyword2", "2026-11-22 10:15 UTC")
                .containsEntry("remark", "");
    }

    private static WeChatProperties properties(
            String appId, String secret, String token, String key, Map<String, String> fields) {
        return new WeChatProperties(
                appId,
                secret,
                token,
                key,
                URI.create("https://api.weixin.qq.com"),
                true,
                "zh",
                Duration.ofMillis(3500),
                Duration.ofSeconds(10),
                Duration.ofMinutes(5),
                20,
                "",
                fields,
                null,
                URI.create("https://open.weixin.qq.com"),
                Set.of("link"),
                Duration.ofMinutes(5),
                Duration.ofMinutes(30));
    }
}
