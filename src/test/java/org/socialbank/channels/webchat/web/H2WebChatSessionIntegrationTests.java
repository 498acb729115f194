package org.socialbank.channels.webchat.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.socialbank.directory.Alias;
import org.socialbank.directory.AliasType;
import org.socialbank.directory.ChannelIdentities;
import org.socialbank.directory.ChannelIdentity;
import org.socialbank.directory.CustomerId;
import org.socialbank.directory.CustomerView;
import org.socialbank.directory.Directory;
import org.socialbank.directory.KycLevel;
import org.socialbank.directory.Linking;
import org.socialbank.directory.NewCustomer;
import org.socialbank.shared.Language;
import org.socialbank.shared.Network;
import org.socialbank.support.FakeSms;
import org.socialbank.support.MutableClock;
import org.socialbank.support.TestStores;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The web chat's session over real HTTP (security review #3, #9, #10): signing in only in the
 * chat's own browser, server-signed cookies, rotation at sign-in, idle and absolute expiry, and
 * the per-address message limit.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "socialbank.web.secure-cookies=false", "socialbank.webchat.messages-per-address-per-minute-max=20",
            "socialbank.webchat.linked-idle-timeout=30m", "socialbank.webchat.linked-lifetime=2h"
        })
@Import(H2WebChatSessionIntegrationTests.Fakes.class)
class H2WebChatSessionIntegrationTests {

    static final String PASSWORD = "a long enough password";
    static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    Directory directory;

    @Autowired
    Linking linking;

    @Autowired
    ChannelIdentities identities;

    @Autowired
    Visitors visitors;

    @Autowired
    FakeSms sms;

    @Autowired
    MutableClock clock;

    String username;
    String phone;
    CustomerId customer;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        TestStores.h2(registry);
    }

    @BeforeEach
    void setUp() {
        clock.advance(Duration.ofMinutes(2)); // a fresh minute for the per-address limit
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        username = "web" + suffix;
        // +33 612 xxx xxx: every number of that range is a valid French mobile (0639... is not)
        phone = "+33612" + String.format("%06d", Math.abs(suffix.hashCode()) % 1_000_000);
        customer = new CustomerId(UUID.randomUUID());
        directory.register(new NewCustomer(
                customer,
                "Bob Brown",
                Language.EN,
                KycLevel.FULL,
                username,
                PASSWORD,
                List.of(new CustomerView.AliasEntry(Alias.parse(AliasType.PHONE, null, phone, null), true))));
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

    private Browser signedIn() {
        Browser a = new Browser();
        a.open("/chat");
        a.send("help");
        String path = path(linking.offerLink(identityOf(a).id()).url());
        a.open(path);
        a.form(path, "username", username, "password", PASSWORD);
        a.previousCookie = a.cookie();
        assertThat(a.form(path + "/code", "code", sms.lastCode(phone)).body()).contains("is linked");
        return a;
    }

    private ChannelIdentity identityOf(Browser browser) {
        String visitor = visitors.visitor(browser.cookie()).orElseThrow();
        return identities.identity(Network.WEBCHAT, visitor).orElseThrow();
    }

    private static String path(String url) {
        return url.substring(url.indexOf("/", "http://".length()));
    }

    /** A browser: its cookies by name, and the CSRF token of the last page it read. */
    final class Browser {

        final Map<String, String> cookies = new LinkedHashMap<>();
        final HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String csrf;
        String previousCookie;

        String cookie() {
            return cookies.get(Visitors.PLAIN_COOKIE);
        }

        String open(String path) {
            HttpResponse<String> page = get(path);
            Matcher m = CSRF.matcher(page.body());
            if (m.find()) {
                csrf = m.group(1);
            }
            return page.body();
        }

        HttpResponse<String> send(String text) {
            return send(text, "en");
        }

        HttpResponse<String> send(String text, String language) {
            return exchange(
                    post("/chat/messages", Map.of("id", UUID.randomUUID().toString(), "text", text))
                            .header("Accept-Language", language)
                            .build());
        }

        String history() {
            HttpResponse<String> response = get("/chat/history");
            assertThat(response.statusCode()).isEqualTo(200);
            return response.body();
        }

        HttpResponse<String> form(String path, String... fields) {
            Map<String, String> form = new LinkedHashMap<>();
            for (int i = 0; i + 1 < fields.length; i += 2) {
                form.put(fields[i], fields[i + 1]);
            }
            HttpResponse<String> response = exchange(post(path, form).build());
            Matcher m = CSRF.matcher(response.body());
            if (m.find()) {
                csrf = m.group(1);
            }
            return response;
        }

        HttpResponse<String> get(String path) {
            return exchange(request(path).GET().build());
        }

        private HttpRequest.Builder post(String path, Map<String, String> fields) {
            Map<String, String> form = new LinkedHashMap<>(fields);
            if (csrf != null) {
                form.putIfAbsent("_csrf", csrf);
            }
            StringBuilder body = new StringBuilder();
            form.forEach((k, v) -> body.append(body.length() == 0 ? "" : "&")
                    .append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                    .append('=')
                    .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
            return request(path)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        }

        private HttpRequest.Builder request(String path) {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .timeout(Duration.ofSeconds(30));
            if (!cookies.isEmpty()) {
                StringBuilder header = new StringBuilder();
                cookies.forEach((k, v) -> header.append(header.length() == 0 ? "" : "; ")
                        .append(k)
                        .append('=')
                        .append(v));
                builder.header("Cookie", header.toString());
            }
            return builder;
        }

        private HttpResponse<String> exchange(HttpRequest request) {
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                for (String set : response.headers().allValues("Set-Cookie")) {
                    String pair = set.split(";", 2)[0];
                    int eq = pair.indexOf('=');
                    cookies.put(pair.substring(0, eq), pair.substring(eq + 1));
                }
                return response;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Fakes {

        @Bean
        FakeSms fakeSms() {
            return new FakeSms();
        }

        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock(Instant.now());
        }
    }
}
