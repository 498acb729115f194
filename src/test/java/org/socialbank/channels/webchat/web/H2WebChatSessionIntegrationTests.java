package org.socialbank.channels.webchat.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.socialbank.directory.ChannelIdentity;
import org.socialbank.support.TestStores;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The web chat's session over real HTTP (security review #3, #9, #10): signing in only in the
 * chat's own browser, server-signed cookies, rotation at sign-in, idle and absolute expiry, and
 * the per-address message limit.
 */
class H2WebChatSessionIntegrationTests extends WebChatSessionTestBase {

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        TestStores.h2(registry);
    }

    @Test
    @DisplayName(
            "security review #3: visitor A asks for a link; browser B completes nothing, and only A's browser signs in")
    void theWebChatSignsInOnlyInItsOwnBrowser() {
        Browser a = new Browser();
        a.open("/chat");
        assertThat(a.send("help").statusCode()).isEqualTo(202);
        String path = path(linking.offerLink(identityOf(a).id()).url());
        assertThat(path).startsWith("/chat/link/");

        Browser b = new Browser();
        b.open("/chat"); // a web chat of its own, and the page's CSRF token
        HttpResponse<String> refused = b.get(path);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("Sign in from the web chat in this browser");
        assertThat(b.form(path, "username", username, "password", PASSWORD).statusCode())
                .isEqualTo(403);
        assertThat(b.form(path.replace("/chat/link/", "/link/"), "username", username, "password", PASSWORD)
                        .statusCode())
                .isEqualTo(403);
        Browser noChat = new Browser();
        noChat.open("/link/not-a-token-but-a-page-with-a-csrf-token-0123");
        assertThat(noChat.get(path).statusCode()).isEqualTo(403);
        assertThat(sms.to(phone)).as("no code for another browser").isEmpty();
        assertThat(identities.linkedCustomer(identityOf(a).id())).isEmpty();

        String page = a.open(path);
        // never the visitor's id ("v-" and 43 characters); the link's own random token may hold "v-"
        assertThat(page)
                .contains("the web chat in this browser")
                .doesNotContain(identityOf(a).externalId());
        assertThat(a.form(path, "username", username, "password", PASSWORD).body())
                .contains("6-digit code");
        assertThat(b.form(path + "/code", "code", sms.lastCode(phone)).statusCode())
                .isEqualTo(403);
        ChannelIdentity before = identityOf(a);
        String oldCookie = a.cookie();
        assertThat(a.form(path + "/code", "code", sms.lastCode(phone)).body()).contains("is linked");
        assertThat(identities.linkedCustomer(before.id())).contains(customer);
        assertThat(a.cookie())
                .as("security review #10: the session is rotated at sign-in")
                .isNotEqualTo(oldCookie);
    }

    @Test
    @DisplayName("security review #10: after sign-in the old cookie value no longer reads /chat/history")
    void theOldCookieReadsNothingAfterSignIn() {
        Browser a = signedIn();
        assertThat(a.history()).contains("help");
        Browser thief = new Browser();
        thief.cookies.put(Visitors.PLAIN_COOKIE, a.previousCookie);
        HttpResponse<String> stolen = thief.get("/chat/history");
        assertThat(stolen.body()).doesNotContain("help").doesNotContain("linked");
    }

    @Test
    @DisplayName("security review #10: a cookie the server did not sign is ignored and a new visitor is minted")
    void anUnsignedCookieIsNoSession() {
        Browser planted = new Browser();
        String fixed = "A".repeat(43);
        planted.cookies.put(Visitors.PLAIN_COOKIE, fixed);
        planted.open("/chat");
        assertThat(planted.cookie()).as("a new, server-minted cookie").isNotEqualTo(fixed);
        assertThat(visitors.visitor(planted.cookie())).isPresent();
        Browser forged = new Browser();
        forged.open("/chat");
        forged.cookies.put(Visitors.PLAIN_COOKIE, fixed + "." + "B".repeat(43));
        assertThat(forged.send("help").statusCode()).isEqualTo(400);
        assertThat(forged.get("/chat/history").statusCode()).isEqualTo(400);
    }

    @Test
    @DisplayName("security review #10: a linked web-chat session ends after 30 idle minutes")
    void anIdleSessionEnds() {
        Browser a = signedIn();
        ChannelIdentity identity = identityOf(a);
        clock.advance(Duration.ofMinutes(29));
        assertThat(a.send("help").statusCode()).isEqualTo(202);
        clock.advance(Duration.ofMinutes(29));
        assertThat(a.get("/chat/history").statusCode())
                .as("activity kept it alive")
                .isEqualTo(200);
        clock.advance(Duration.ofMinutes(31));
        HttpResponse<String> ended = a.get("/chat/history");
        assertThat(ended.statusCode()).isEqualTo(401);
        assertThat(ended.body()).contains("session_ended");
        assertThat(identities.linkedCustomer(identity.id())).isEmpty();
        String old = a.cookie();
        a.open("/chat");
        assertThat(a.cookie()).as("a new visitor after the end").isNotEqualTo(old);
        assertThat(a.history()).doesNotContain("help");
    }

    @Test
    @DisplayName("security review #10: a linked web-chat session ends after its lifetime however active")
    void aSessionEndsAfterItsLifetime() {
        Browser a = signedIn();
        ChannelIdentity identity = identityOf(a);
        for (int i = 0; i < 5; i++) {
            clock.advance(Duration.ofMinutes(20));
            assertThat(a.send("help " + i).statusCode()).isEqualTo(202);
        }
        clock.advance(Duration.ofMinutes(21));
        assertThat(a.send("help again").statusCode()).isEqualTo(401);
        assertThat(identities.linkedCustomer(identity.id())).isEmpty();
    }

    @Test
    @DisplayName("security review #9: rotating cookies does not beat the per-address limit (429, localized)")
    void oneAddressManyCookiesIsLimited() {
        int accepted = 0;
        HttpResponse<String> refused = null;
        for (int i = 0; i < 100 && refused == null; i++) {
            Browser visitor = new Browser();
            visitor.open("/chat");
            HttpResponse<String> answer = visitor.send("hello " + i, "fr");
            if (answer.statusCode() == 429) {
                refused = answer;
            } else {
                accepted++;
            }
        }
        assertThat(refused).isNotNull();
        assertThat(accepted).isLessThanOrEqualTo(20);
        assertThat(refused.body()).contains("too_many_messages_from_address", "Trop de messages depuis votre réseau");
        clock.advance(Duration.ofMinutes(2));
        Browser later = new Browser();
        later.open("/chat");
        assertThat(later.send("hello").statusCode()).isEqualTo(202);
    }
}
