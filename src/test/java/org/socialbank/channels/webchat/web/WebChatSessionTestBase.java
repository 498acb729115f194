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
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/**
 * What the tests of the web chat's session over real HTTP share: one application (H2, a clock
 * the tests move, the SMS read back), a customer of their own per test, and a browser that keeps
 * its cookies and the CSRF token of the last page it read. Each subclass names its store.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "socialbank.web.secure-cookies=false", "socialbank.webchat.messages-per-address-per-minute-max=20",
            "socialbank.webchat.linked-idle-timeout=30m", "socialbank.webchat.linked-lifetime=2h"
        })
@Import(WebChatSessionTestBase.Fakes.class)
abstract class WebChatSessionTestBase {

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

    Browser signedIn() {
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

    ChannelIdentity identityOf(Browser browser) {
        String visitor = visitors.visitor(browser.cookie()).orElseThrow();
        return identities.identity(Network.WEBCHAT, visitor).orElseThrow();
    }

    static String path(String url) {
        return url.substring(url.indexOf("/", "http://".length()));
    }

    /** What opening a stream answered: its status, type and (unless it opened) body. */
    record StreamAnswer(int status, String contentType, String body) {}

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
            return sendWithId(UUID.randomUUID().toString(), text, language);
        }

        HttpResponse<String> sendWithId(String id, String text, String language) {
            return exchange(post("/chat/messages", Map.of("id", id, "text", text))
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

        /**
         * Opens a stream with these headers and answers as soon as its status is known: an open
         * stream is closed at once, and its body then is empty.
         */
        StreamAnswer openStream(String path, String... headers) {
            try {
                HttpResponse<java.io.InputStream> response = http.send(
                        request(path).headers(headers).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
                try (java.io.InputStream body = response.body()) {
                    String text =
                            response.statusCode() == 200 ? "" : new String(body.readAllBytes(), StandardCharsets.UTF_8);
                    return new StreamAnswer(
                            response.statusCode(),
                            response.headers().firstValue("Content-Type").orElse(""),
                            text);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        /**
         * Opens a stream (its status must be 200) and reads it on another thread, adding each line
         * to {@code lines} as it comes; the answer completes when the server ends the stream.
         */
        CompletableFuture<Void> readStream(String path, List<String> lines, String... headers) {
            HttpRequest request = request(path).headers(headers).GET().build();
            return http.sendAsync(request, HttpResponse.BodyHandlers.ofLines()).thenAcceptAsync(response -> {
                assertThat(response.statusCode()).isEqualTo(200);
                try (java.util.stream.Stream<String> body = response.body()) {
                    body.forEach(lines::add);
                }
            });
        }

        /** A GET with these headers (name, value, ...). */
        HttpResponse<String> get(String path, String... headers) {
            return exchange(request(path).headers(headers).GET().build());
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
