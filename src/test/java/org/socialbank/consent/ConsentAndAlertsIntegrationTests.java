package org.socialbank.consent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socialbank.support.Api;
import org.socialbank.support.TestStores;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Issue 17 over real HTTP on H2: the consents contract (GET and POST /api/v1/consents), a STOP
 * typed in the web chat withdrawing marketing at once, and transaction alerts sent exactly once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConsentAndAlertsIntegrationTests {

    static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Api api;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        TestStores.h2(registry);
        registry.add("spring.datasource.hikari.minimum-idle", () -> "10"); // h2database#4302, as the other H2 tests
        registry.add("socialbank.web.secure-cookies", () -> "false");
    }

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    @Test
    void aConsentGivenElsewhereIsRecordedOnceAndShown() {
        String user = "tg-" + UUID.randomUUID();
        String body = """
                {"channel": "telegram", "externalUserId": "%s", "purpose": "marketing",
                 "text": "Yes, send me offers on Telegram", "evidence": "app-consent-%s"}""".formatted(user, user);
        Api.Response first = api.post("/api/v1/consents", body);
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(first.json().path("status").asString()).isEqualTo("given");
        Api.Response replay = api.post("/api/v1/consents", body);
        assertThat(replay.status()).isEqualTo(201);
        assertThat(replay.json().path("replayed").asBoolean()).isTrue();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM consent_events WHERE external_user_id = ?").param(user)
                .query(Long.class).single()).as("idempotent on evidence").isEqualTo(1L);

        JsonNode consents = consents("telegram", user);
        assertThat(consents).hasSize(1);
        JsonNode marketing = consents.get(0);
        assertThat(marketing.path("purpose").asString()).isEqualTo("marketing");
        assertThat(marketing.path("channel").asString()).isEqualTo("telegram");
        assertThat(marketing.path("status").asString()).isEqualTo("given");
        assertThat(Instant.parse(marketing.path("changedAt").asString())).isBefore(Instant.now().plusSeconds(1));
        assertThat(marketing.path("text").asString()).isEqualTo("Yes, send me offers on Telegram");
        assertThat(consents("wechat", user)).as("per channel").isEmpty();
    }

    @Test
    void badInputIsAProblemWithACode() {
        assertThat(problem(api.post("/api/v1/consents", """
                {"channel": "myspace", "externalUserId": "1", "purpose": "marketing", "text": "t", "evidence": "e"}""")))
                .isEqualTo("unknown_channel");
        assertThat(problem(api.post("/api/v1/consents", """
                {"channel": "telegram", "externalUserId": "1", "purpose": "spam", "text": "t", "evidence": "e"}""")))
                .isEqualTo("unknown_purpose");
        assertThat(problem(api.post("/api/v1/consents", """
                {"channel": "telegram", "externalUserId": "1", "purpose": "marketing", "text": " ", "evidence": "e"}""")))
                .isEqualTo("text_missing");
        assertThat(problem(api.post("/api/v1/consents", """
                {"channel": "telegram", "externalUserId": "1", "purpose": "marketing", "text": "t"}""")))
                .isEqualTo("evidence_invalid");
        assertThat(problem(api.get("/api/v1/consents?channel=telegram"))).isEqualTo("external_user_id_invalid");
        assertThat(problem(api.get("/api/v1/consents?externalUserId=1"))).isEqualTo("unknown_channel");
        assertThat(new Api("http://127.0.0.1:" + port, null).get("/api/v1/consents?channel=telegram&externalUserId=1")
                .status()).as("no token").isEqualTo(401);
    }

    @Test
    void aStopTypedInTheWebChatWithdrawsMarketingAtOnceAndIsConfirmed() {
        Visitor visitor = new Visitor();
        visitor.open();
        String first = UUID.randomUUID().toString();
        assertThat(visitor.send(first, "help").statusCode()).isEqualTo(202);
        String user = awaitExternalUserId(first);
        assertThat(api.post("/api/v1/consents", """
                {"channel": "webchat", "externalUserId": "%s", "purpose": "marketing",
                 "text": "Offers in this chat? Yes", "evidence": "web-form-%s"}""".formatted(user, first)).status())
                .isEqualTo(201);
        assertThat(consents("webchat", user).get(0).path("status").asString()).isEqualTo("given");

        String stop = UUID.randomUUID().toString();
        assertThat(visitor.send(stop, "ARRÊT").statusCode()).isEqualTo(202);
        JsonNode marketing = consents("webchat", user).get(0);
        assertThat(marketing.path("status").asString()).isEqualTo("withdrawn");
        assertThat(marketing.path("evidence").asString()).isEqualTo(stop);
        assertThat(marketing.path("text").asString()).isEqualTo("ARRÊT");
        assertThat(visitor.awaitBankText("messages commerciaux")).as("confirmed in French").isTrue();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM consent_events WHERE external_user_id = ?").param(user)
                .query(Long.class).single()).as("history kept: given, then withdrawn").isEqualTo(2L);
    }

    private String awaitExternalUserId(String messageId) {
        return jdbc.sql("SELECT i.external_id FROM inbox_messages m JOIN channel_identities i ON i.id = m.identity_id "
                + "WHERE m.channel = 'webchat' AND m.external_message_id = ?").param(messageId).query(String.class)
                .single();
    }

    private JsonNode consents(String channel, String user) {
        Api.Response response = api.get("/api/v1/consents?channel=" + channel + "&externalUserId="
                + URLEncoder.encode(user, StandardCharsets.UTF_8));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().path("consents");
    }

    private static String problem(Api.Response response) {
        assertThat(response.status()).as(response.body()).isBetween(400, 499);
        assertThat(response.contentType()).startsWith("application/problem+json");
        return response.code();
    }

    /** A web-chat visitor as its page is used: a cookie, the page's CSRF token, form posts. */
    final class Visitor {

        final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .connectTimeout(Duration.ofSeconds(5)).build();
        String csrf;

        void open() {
            HttpResponse<String> page = exchange(HttpRequest.newBuilder(uri("/chat")).GET().build());
            Matcher m = CSRF.matcher(page.body());
            assertThat(m.find()).as("the page carries a CSRF token").isTrue();
            csrf = m.group(1);
        }

        HttpResponse<String> send(String id, String text) {
            String body = "id=" + enc(id) + "&text=" + enc(text) + "&_csrf=" + enc(csrf);
            return exchange(HttpRequest.newBuilder(uri("/chat/messages")).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        }

        boolean awaitBankText(String part) {
            Instant end = Instant.now().plusSeconds(15);
            while (Instant.now().isBefore(end)) {
                String history = exchange(HttpRequest.newBuilder(uri("/chat/history")).GET().build()).body();
                if (history.contains(part)) {
                    return true;
                }
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return false;
        }

        private HttpResponse<String> exchange(HttpRequest request) {
            try {
                return http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private URI uri(String path) {
            return URI.create("http://localhost:" + port + path);
        }

        private static String enc(String s) {
            return URLEncoder.encode(s, StandardCharsets.UTF_8);
        }
    }
}
