package org.socialbank.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.socialbank.support.Api;
import org.socialbank.support.TestStores;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.context.support.ServletRequestHandledEvent;

/**
 * Issue 13, "pages that survive a phone": Reload or Back on an address a page's form posted to
 * shows a page again instead of a raw 405 in JSON, and unknown addresses and bad requests get
 * the bank's own localized page, while the API keeps answering problem+json.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "socialbank.web.secure-cookies=false")
@Import(H2PageErrorsIntegrationTests.HandledEvents.class)
class H2PageErrorsIntegrationTests {

    /** Counts Spring MVC's per-request events, which nothing in the bank reads (issue 22). */
    @TestConfiguration(proxyBeanMethods = false)
    static class HandledEvents {

        final AtomicInteger published = new AtomicInteger();

        @EventListener
        void handled(ServletRequestHandledEvent event) {
            published.incrementAndGet();
        }
    }

    private static final String TOKEN = "a-token-nobody-was-sent";

    @LocalServerPort
    int port;

    @Autowired
    HandledEvents handledEvents;

    private final HttpClient client = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        TestStores.h2(registry);
    }

    @DisplayName("issue 13: GET on every POST-only page address redirects to the token's page, which is HTML")
    @ParameterizedTest
    @ValueSource(
            strings = {
                "/claim/%s/send",
                "/claim/%s/code",
                "/claim/%s/wallet",
                "/claim/%s/account",
                "/link/%s/code",
                "/link/%s/sms",
                "/chat/link/%s/code",
                "/chat/link/%s/sms",
                "/pay-request/%s/decline",
                "/confirm/%s/cancel"
            })
    void reloadOfAFormAddressShowsThePageAgain(String address) throws Exception {
        String path = address.formatted(TOKEN);
        HttpResponse<String> reload = get(path, "text/html,application/xhtml+xml,*/*;q=0.8");
        assertThat(reload.statusCode()).isEqualTo(303);
        String page = path.substring(0, path.lastIndexOf('/'));
        assertThat(URI.create(reload.headers().firstValue("Location").orElseThrow())
                        .getPath())
                .isEqualTo(page);

        HttpResponse<String> shown = get(page, "*/*");
        assertThat(contentType(shown)).startsWith("text/html");
        assertThat(shown.body())
                .contains("<html")
                .doesNotContain("\"status\"")
                .doesNotContain("not supported", "\"status\":405");
    }

    @DisplayName("issue 13: an unknown address gets the bank's own 404 page, in the asked language")
    @Test
    void unknownAddressIsTheBanksOwnPage() throws Exception {
        HttpResponse<String> english = get("/no-such-page", "*/*");
        assertThat(english.statusCode()).isEqualTo(404);
        assertThat(contentType(english)).startsWith("text/html");
        assertThat(english.body())
                .contains("This page does not exist", "lang=\"en\"", "dir=\"ltr\"", "bank-header")
                .doesNotContain("Whitelabel", "\"status\"");

        HttpResponse<String> persian = get("/no-such-page?lang=fa", "text/html");
        assertThat(persian.statusCode()).isEqualTo(404);
        assertThat(persian.body()).contains("dir=\"rtl\"", "lang=\"fa\"", "<title>این صفحه وجود ندارد");

        for (String lang : List.of("fr", "ru", "zh")) {
            HttpResponse<String> other = get("/no-such-page?lang=" + lang, "text/html");
            assertThat(other.statusCode()).isEqualTo(404);
            assertThat(other.body()).contains("lang=\"" + lang + "\"").doesNotContain("This page does not exist");
        }
    }

    @DisplayName("issue 13: a malformed request to a page gets the bank's own 400 page, not Tomcat's")
    @Test
    void malformedPageRequestIsTheBanksOwnPage() throws Exception {
        HttpResponse<String> bad = get("/claim/a;b=%2e%2e/send", "text/html");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(contentType(bad)).startsWith("text/html");
        assertThat(bad.body())
                .contains("This request could not be read", "bank-header")
                .doesNotContain("Tomcat");

        HttpResponse<String> refusedByTomcat = get("/link/%00?lang=fa", "text/html");
        assertThat(refusedByTomcat.statusCode()).isEqualTo(400);
        assertThat(contentType(refusedByTomcat)).startsWith("text/html");
        assertThat(refusedByTomcat.body())
                .contains("bank-header", "dir=\"rtl\"", "این درخواست خوانده نشد")
                .doesNotContain("HTTP Status 400");
    }

    @DisplayName("issue 13: a form posted without its CSRF token still gets the localized 403 page")
    @Test
    void formWithoutCsrfIsTheForbiddenPage() throws Exception {
        HttpResponse<String> refused = client.send(
                HttpRequest.newBuilder(uri("/claim/" + TOKEN + "/send?lang=fr"))
                        .header("Accept", "text/html")
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(""))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("Ce formulaire a expiré", "lang=\"fr\"");
    }

    @DisplayName("issue 13: the API keeps answering problem+json, also for an address that does not exist")
    @Test
    void apiStaysProblemJson() throws Exception {
        for (String accept : List.of("*/*", "text/html", "application/json")) {
            HttpResponse<String> missing = client.send(
                    HttpRequest.newBuilder(uri("/api/v1/no-such"))
                            .header("Accept", accept)
                            .header("Authorization", "Bearer " + org.socialbank.support.Api.TOKEN)
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(missing.statusCode()).isEqualTo(404);
            assertThat(contentType(missing)).startsWith("application/problem+json");
            assertThat(missing.body()).contains("\"status\":404", "\"code\":\"not_found\"");
        }
    }

    @DisplayName("issue 13: a program asking a page address for JSON still reads problem+json")
    @Test
    void jsonReaderOfAPageAddressReadsProblemJson() throws Exception {
        HttpResponse<String> missing = get("/no-such-page", "application/json");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(contentType(missing)).startsWith("application/problem+json");
    }

    @DisplayName("issue 22: ?lang= chooses a page's language (a cookie), not on an API call; no event per request")
    @Test
    void languageChoiceIsForPagesOnly() throws Exception {
        HttpResponse<String> page = get("/no-such-page?lang=fr", "text/html");
        assertThat(page.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith(Languages.COOKIE + "=fr"));

        HttpResponse<String> api = client.send(
                HttpRequest.newBuilder(uri("/api/v1/accounts/" + UUID.randomUUID() + "?lang=fr"))
                        .header("Authorization", "Bearer " + Api.TOKEN)
                        .timeout(Duration.ofSeconds(30))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(api.statusCode()).as(api.body()).isEqualTo(404);
        assertThat(contentType(api)).startsWith("application/problem+json");
        assertThat(api.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith(Languages.COOKIE));
        assertThat(handledEvents.published).as("no event per request").hasValue(0);
    }

    private HttpResponse<String> get(String path, String accept) throws IOException, InterruptedException {
        return client.send(
                HttpRequest.newBuilder(uri(path))
                        .header("Accept", accept)
                        .timeout(Duration.ofSeconds(30))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static String contentType(HttpResponse<String> response) {
        return response.headers().firstValue("Content-Type").orElse("");
    }
}
