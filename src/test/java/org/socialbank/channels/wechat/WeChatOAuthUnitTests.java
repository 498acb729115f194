package org.socialbank.channels.wechat;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.socialbank.conversation.Outbound;
import org.socialbank.directory.DirectoryProperties;
import org.socialbank.security.otp.OneTimeCodes;

/**
 * The shape of a wrapped link (WeChat's documented authorisation URL), which links are wrapped,
 * the state binding page and follower, and requests refused before WeChat is asked.
 */
class WeChatOAuthUnitTests {

    static final String BANK = "https://bank.example";
    static final byte[] PEPPER = "a pepper of at least thirty-two bytes!".getBytes(StandardCharsets.UTF_8);

    private final WeChatOAuth oauth = oauth(Set.of("link", "confirm", "unlink"));

    @Test
    void aLinkToAListedPageBecomesWeChatsAuthorisationUrl() {
        String wrapped = oauth.wrap("oFollower1", BANK + "/link/abc_DEF-1");
        Matcher m = Pattern.compile("https://open\\.weixin\\.qq\\.com/connect/oauth2/authorize\\?appid="
                        + WeChatCryptoUnitTests.SAMPLE_APP_ID
                        + "&redirect_uri=([^&#]+)&response_type=code&scope=snsapi_base"
                        + "&state=([0-9a-f]{48})#wechat_redirect")
                .matcher(wrapped);
        assertThat(m.matches()).as(wrapped).isTrue();
        assertThat(m.group(1))
                .isEqualTo("https%3A%2F%2Fbank.example%2Fwechat%2Foauth%3Fnext%3D%252Flink%252Fabc_DEF-1");
        assertThat(URLDecoder.decode(m.group(1), StandardCharsets.UTF_8))
                .isEqualTo(BANK + "/wechat/oauth?next=%2Flink%2Fabc_DEF-1");
        assertThat(m.group(2)).isEqualTo(oauth.state("oFollower1", "/link/abc_DEF-1"));
    }

    @Test
    void theStateBindsPageAndFollower() {
        String state = oauth.state("oFollower1", "/link/a");
        assertThat(oauth.state("oFollower1", "/link/a")).isEqualTo(state);
        assertThat(oauth.state("oFollower2", "/link/a"))
                .as("same page, another follower")
                .startsWith(state.substring(0, 16))
                .isNotEqualTo(state);
        assertThat(oauth.state("oFollower1", "/link/b").substring(0, 16)).isNotEqualTo(state.substring(0, 16));
        assertThat(oauth(Set.of("link"), "wxAnotherApp").state("oFollower1", "/link/a"))
                .isNotEqualTo(state);
    }

    @Test
    void otherLinksStayAsTheyAre() {
        for (String url : new String[] {
            "https://example.org/link/abc",
            BANK + "/claim/abc",
            BANK + "/pay-request/abc",
            BANK + "/link/abc?x=1",
            BANK + "/link/",
            BANK + "/linkx/abc",
            BANK + "/chat",
            BANK + "/link/a/../b",
            "https://bank.example.evil/link/abc",
            BANK + "@evil.example/link/abc"
        }) {
            assertThat(oauth.wrap("oFollower1", url)).as(url).isEqualTo(url);
        }
        assertThat(oauth.wrap("not an open id", BANK + "/link/abc")).isEqualTo(BANK + "/link/abc");
        assertThat(oauth(Set.of()).wrap("oFollower1", BANK + "/link/abc")).isEqualTo(BANK + "/link/abc");
        assertThat(oauth(Set.of("claim")).wrap("oFollower1", BANK + "/claim/abc"))
                .startsWith("https://open.weixin");
    }

    @Test
    void linksInTextsBecomeWeChatLinks() {
        String text = oauth.wrapInText(
                "oFollower1", "Not you? Unlink it here: " + BANK + "/unlink/tok9. Or see " + BANK + "/chat.");
        assertThat(text)
                .startsWith("Not you? Unlink it here: <a href=\"https://open.weixin.qq.com/connect/")
                .contains("\">" + BANK + "/unlink/tok9</a>. Or see " + BANK + "/chat.");
        assertThat(oauth.render("oFollower1", new Outbound.Link("Sign in to link", "Open", BANK + "/link/x")))
                .startsWith("Sign in to link\n<a href=\"https://open.weixin.qq.com/connect/oauth2/authorize?appid=")
                .contains("&amp;scope=snsapi_base&amp;")
                .endsWith("#wechat_redirect\">Open</a>");
    }

    @Test
    void requestsTheBankDidNotIssueAreRefusedBeforeWeChatIsAsked() {
        String state = oauth.state("oFollower1", "/link/abc");
        for (String next : new String[] {
            "",
            "/",
            "https://evil.example/",
            "//evil.example/link/a",
            "/link/a?b=c",
            "/link/../x",
            "/linkx/a",
            "/link/a/b/c/d",
            "/admin/a",
            "\\\\evil.example/link/a",
            "/link/a#x"
        }) {
            assertThat(oauth.open("code", state, next))
                    .as(next)
                    .isEqualTo(new WeChatOAuth.Malformed(
                            "bad_next", "Only the bank's link, confirmation, unlink, claim and pay-request pages."));
        }
        assertThat(oauth.open("code", state, "/link/abd"))
                .isInstanceOf(WeChatOAuth.Malformed.class)
                .hasFieldOrPropertyWithValue("code", "bad_state");
        assertThat(oauth.open("code", state.toUpperCase(), "/link/abc"))
                .hasFieldOrPropertyWithValue("code", "bad_state");
        assertThat(oauth.open("code", state.substring(1), "/link/abc"))
                .hasFieldOrPropertyWithValue("code", "bad_state");
        assertThat(oauth.open("", state, "/link/abc")).hasFieldOrPropertyWithValue("code", "bad_code");
        assertThat(oauth.open("a b", state, "/link/abc")).hasFieldOrPropertyWithValue("code", "bad_code");
    }

    @Test
    void weChatUnreachableIsUnavailable() {
        String state = oauth.state("oFollower1", "/link/abc");
        assertThat(oauth.open("code", state, "/link/abc")).isInstanceOf(WeChatOAuth.Unavailable.class);
    }

    private static WeChatOAuth oauth(Set<String> paths) {
        return oauth(paths, WeChatCryptoUnitTests.SAMPLE_APP_ID);
    }

    private static WeChatOAuth oauth(Set<String> paths, String appId) {
        // the API on a port nothing listens on: a request that reaches WeChat comes back Unavailable
        WeChatProperties properties = new WeChatProperties(
                appId,
                "secret",
                WeChatPropertiesUnitTests.TOKEN,
                "",
                URI.create("http://127.0.0.1:9"),
                false,
                "zh",
                Duration.ofMillis(3500),
                Duration.ofSeconds(1),
                Duration.ofMinutes(5),
                20,
                "",
                Map.of(),
                null,
                URI.create("https://open.weixin.qq.com/"),
                paths,
                Duration.ofMinutes(5),
                Duration.ofMinutes(30));
        DirectoryProperties directory = new DirectoryProperties(
                30,
                10_000,
                200,
                URI.create(BANK + "/"),
                Duration.ofMinutes(10),
                Duration.ofDays(7),
                Duration.ofMinutes(5),
                3,
                5,
                Duration.ofMinutes(15),
                Duration.ofHours(1),
                10,
                20,
                Duration.ofHours(1));
        return new WeChatOAuth(new WeChatApi(properties), properties, directory, new OneTimeCodes(PEPPER));
    }
}
