package org.socialbank.channels.wechat;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.socialbank.conversation.Outbound;
import org.socialbank.conversation.SendOutcome;

/**
 * Issue 7 follow-up, on the same application as {@link WeChatContract}: links to the bank's pages
 * open through WeChat's web authorisation and only for the follower they were sent to (no open
 * redirects, WeChat's errors as pages), and a branch's QR code is welcomed by name.
 */
abstract class WeChatOAuthContract extends WeChatContract {

    private static final Pattern HREF = Pattern.compile("<a href=\"([^\"]+)\">");
    private static final Pattern WRAPPED = Pattern.compile(Pattern.quote(WECHAT.url())
            + "/connect/oauth2/authorize\\?appid=" + APP_ID + "&redirect_uri=([^&]+)"
            + "&response_type=code&scope=snsapi_base&state=([0-9a-f]{48})#wechat_redirect");

    // --- wrapping -----------------------------------------------------------------------

    @Test
    void aLinkToTheBanksPageIsWrappedForTheFollower() throws Exception {
        String user = follower();
        String href = sentHref(user, directory.url("/link/tok_1-A"));
        Matcher wrapped = WRAPPED.matcher(href.replace("&amp;", "&"));
        assertThat(wrapped.matches()).as(href).isTrue();
        assertThat(URLDecoder.decode(wrapped.group(1), StandardCharsets.UTF_8))
                .isEqualTo(directory.url("/wechat/oauth?next=%2Flink%2Ftok_1-A"));

        assertThat(sentHref(user, "https://example.org/link/tok")).isEqualTo("https://example.org/link/tok");
        assertThat(sentHref(user, directory.url("/claim/tok")))
                .as("claim links may be forwarded: not wrapped")
                .isEqualTo(directory.url("/claim/tok"));
        String other = follower();
        assertThat(sentHref(other, directory.url("/link/tok_1-A")))
                .as("a state per follower")
                .isNotEqualTo(href);
    }

    @Test
    void aLinkInsideATextIsWrappedToo() throws Exception {
        String user = follower();
        assertThat(send(user, new Outbound.Text("Not you? Unlink it here: " + directory.url("/unlink/tok9") + ".")))
                .isInstanceOf(SendOutcome.Sent.class);
        String content = lastCustomText(user);
        assertThat(content)
                .startsWith("Not you? Unlink it here: <a href=\"")
                .endsWith("\">" + directory.url("/unlink/tok9") + "</a>.");
        Matcher href = HREF.matcher(content);
        assertThat(href.find()).isTrue();
        assertThat(pageOpenedInWeChat(user, href.group(1))).isEqualTo(directory.url("/unlink/tok9"));
    }

    // --- the return from WeChat ---------------------------------------------------------

    @Test
    void theFollowerItWasSentToGetsThroughToThePage() throws Exception {
        String user = follower();
        String href = sentHref(user, directory.url("/confirm/tok_2"));
        assertThat(pageOpenedInWeChat(user, href)).isEqualTo(directory.url("/confirm/tok_2"));
        assertThat(WECHAT.calls(FakeWeChatApi.CODE_EXCHANGE)).allMatch(c -> APP_ID.equals(c.appId()));
    }

    @Test
    void anotherWeChatUserOpeningAForwardedLinkIsTurnedAway() throws Exception {
        String href = sentHref(follower(), directory.url("/link/tok_3"));
        HttpResponse<String> other = openInWeChat(newUser(), href);
        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(other.headers().firstValue("Location")).isEmpty();
        assertThat(other.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(other.body()).contains("another WeChat account");
    }

    @Test
    void aStateOrPageTheBankDidNotIssueIsABadRequest() throws Exception {
        String user = follower();
        Matcher wrapped =
                WRAPPED.matcher(sentHref(user, directory.url("/link/tok_4")).replace("&amp;", "&"));
        assertThat(wrapped.matches()).isTrue();
        String state = wrapped.group(2);
        String forged = (state.charAt(0) == 'a' ? "b" : "a") + state.substring(1);
        int exchanges = WECHAT.calls(FakeWeChatApi.CODE_EXCHANGE).size();
        assertProblem(back("/link/tok_4", forged, "c1"), 400, "bad_state");
        assertProblem(back("/link/tok_5", state, "c1"), 400, "bad_state");
        assertProblem(back("/link/tok_4", state, ""), 400, "bad_code");
        for (String next : new String[] {
            "https://evil.example/link/x",
            "//evil.example/link/x",
            "/link/../admin",
            "/api/customers",
            "/link/x?y=1",
            "/link/",
            "/%2F%2Fevil.example",
            "/link/x/../../evil",
            ""
        }) {
            assertProblem(back(next, state, "c1"), 400, "bad_next");
        }
        assertThat(WECHAT.calls(FakeWeChatApi.CODE_EXCHANGE))
                .as("WeChat is not asked")
                .hasSize(exchanges);
    }

    @Test
    void weChatsErrorsArePagesNotStackTraces() throws Exception {
        String user = follower();
        String href = sentHref(user, directory.url("/link/tok_6"));
        HttpResponse<String> first = openInWeChat(user, href);
        assertThat(first.statusCode()).isEqualTo(302);
        Matcher wrapped = WRAPPED.matcher(href.replace("&amp;", "&"));
        assertThat(wrapped.matches()).isTrue();
        // the code was used once: WeChat answers 40029
        HttpResponse<String> again = back("/link/tok_6", wrapped.group(2), "code-used-or-made-up");
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.body()).contains("tap the link again");

        WECHAT.fail(FakeWeChatApi.CODE_EXCHANGE, 500);
        HttpResponse<String> down = openInWeChat(user, href);
        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(down.body()).contains("try again in a few minutes");
    }

    // --- QR scenes ----------------------------------------------------------------------

    @Test
    void aBranchsQrCodeIsWelcomedByName() throws Exception {
        String user = newUser();
        String subscribed = passive(
                        postSealed(WeChatXml.write(event(user, "subscribe", "qrscene_branch_PAR-01", now()))))
                .get("Content");
        assertThat(subscribed).startsWith("欢迎来到socialbank Paris Opéra！\n\n").hasSizeGreaterThan(30);

        String scanned = passive(postSealed(WeChatXml.write(event(user, "SCAN", "branch_PAR-02", now()))))
                .get("Content");
        assertThat(scanned).startsWith("欢迎来到socialbank Paris Bastille！");

        for (String key : new String[] {"qrscene_branch_NOPE-01", "qrscene_campaign_spring", "qrscene_42"}) {
            String other = passive(postSealed(WeChatXml.write(event(newUser(), "subscribe", key, now()))))
                    .get("Content");
            assertThat(other).isNotBlank().doesNotContain("欢迎来到socialbank");
        }
    }

    // --- helpers ------------------------------------------------------------------------

    private String follower() {
        String user = newUser();
        followers.wrote(user);
        return user;
    }

    /** The href of a link sent to {@code user} as a customer-service message. */
    private String sentHref(String user, String url) {
        assertThat(send(user, new Outbound.Link("Open the page", "Open", url))).isInstanceOf(SendOutcome.Sent.class);
        Matcher href = HREF.matcher(lastCustomText(user));
        assertThat(href.find()).isTrue();
        return href.group(1);
    }

    private String lastCustomText(String user) {
        return WECHAT.calls(WeChatSender.CUSTOM_SEND).stream()
                .filter(c -> user.equals(c.body().path("touser").asString()))
                .reduce((a, b) -> b)
                .orElseThrow()
                .body()
                .path("text")
                .path("content")
                .asString();
    }

    private HttpResponse<String> back(String next, String state, String code) throws Exception {
        return get(WeChatOAuth.CALLBACK + "?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8) + "&state=" + state
                + "&code=" + URLEncoder.encode(code, StandardCharsets.UTF_8));
    }

    private static void assertProblem(HttpResponse<String> answer, int status, String code) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(answer.body()).contains("\"code\":\"" + code + "\"");
    }
}
