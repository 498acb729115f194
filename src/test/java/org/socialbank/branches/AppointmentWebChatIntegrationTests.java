package org.socialbank.branches;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.socialbank.directory.Alias;
import org.socialbank.directory.AliasType;
import org.socialbank.directory.CustomerId;
import org.socialbank.directory.CustomerView;
import org.socialbank.directory.Directory;
import org.socialbank.directory.DirectoryResult;
import org.socialbank.directory.KycLevel;
import org.socialbank.shared.Language;
import org.socialbank.directory.NewCustomer;
import org.socialbank.support.FakeSms;
import org.socialbank.support.TestStores;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 16 s5 end to end over the bank's own web chat, as a browser uses it: the visitor links
 * the chat (sign-in and SMS code on the bank's page), asks for an appointment in French or in
 * Chinese, gets the free times as buttons in the chat's history, presses one and reads the
 * confirmation with the booking code. The clock is the tests' Wednesday morning: tomorrow is a
 * working day.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "socialbank.web.secure-cookies=false",
    "socialbank.services.appointments.reminders-enabled=false"})
@Import(AppointmentTestClock.class)
class AppointmentWebChatIntegrationTests {

    static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
    static final String PASSWORD = "a long enough password";
    static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        TestStores.h2(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    Directory directory;

    @Autowired
    Branches branches;

    @Autowired
    Appointments appointments;

    @Autowired
    FakeSms sms;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "FR|lier mon compte|je voudrais prendre rendez-vous à l’agence de Paris demain matin pour un prêt immobilier"
                + "|C’est réservé",
        "ZH|绑定账户|帮我预约明天上午巴黎网点办理房贷|预约成功"})
    void aLinkedVisitorBooksFromTheButtonsInTheChat(Language language, String link, String ask, String booked) {
        new AppointmentFixtures(directory, branches, appointments).parisBranch(5);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String phone = "+33612" + String.format("%06d", Math.abs(suffix.hashCode()) % 1_000_000);
        CustomerId customer = new CustomerId(UUID.randomUUID());
        assertThat(directory.register(new NewCustomer(customer, "Web Visitor", language, KycLevel.FULL, "web" + suffix,
                PASSWORD, List.of(new CustomerView.AliasEntry(Alias.parse(AliasType.PHONE, null, phone, null), true)))))
                .isInstanceOf(DirectoryResult.Done.class);
        Browser browser = new Browser();
        browser.open("/chat");
        browser.post("/chat/messages", "id", UUID.randomUUID().toString(), "text", link);
        String url = browser.await(m -> m.path("kind").asString().equals("link")).path("url").asString();
        String page = url.substring(url.indexOf('/', "http://".length()));
        browser.open(page);
        browser.post(page, "username", "web" + suffix, "password", PASSWORD);
        browser.post(page + "/code", "code", sms.lastCode(phone));

        browser.post("/chat/messages", "id", UUID.randomUUID().toString(), "text", ask);
        JsonNode offer = browser.await(m -> m.path("kind").asString().equals("buttons"));
        JsonNode first = offer.path("buttons").get(0);
        browser.post("/chat/messages", "id", UUID.randomUUID().toString(), "button", first.path("reference").asString(),
                "label", first.path("label").asString());
        String confirmation = browser.await(m -> m.path("text").asString().startsWith(booked)).path("text").asString();
        List<Appointment> mine = appointments.upcoming(customer);
        assertThat(mine).hasSize(1);
        assertThat(mine.get(0).channel()).isEqualTo("webchat");
        assertThat(mine.get(0).start()).isEqualTo(java.time.Instant.parse("2026-12-03T08:00:00Z")); // 9:00 in Paris
        assertThat(confirmation).contains(mine.get(0).code());
    }

    /** A browser on the chat page: its cookies, and the CSRF token of the last page it read. */
    final class Browser {

        final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .connectTimeout(Duration.ofSeconds(5)).build();
        String csrf;

        void open(String path) {
            Matcher m = CSRF.matcher(exchange(HttpRequest.newBuilder(uri(path)).GET().build()).body());
            if (m.find()) {
                csrf = m.group(1);
            }
        }

        void post(String path, String... fields) {
            List<String> pairs = new ArrayList<>();
            for (int i = 0; i + 1 < fields.length; i += 2) {
                pairs.add(fields[i] + "=" + URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
            }
            pairs.add("_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8));
            HttpResponse<String> response = exchange(HttpRequest.newBuilder(uri(path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(String.join("&", pairs))).build());
            assertThat(response.statusCode()).as(path + " " + response.body()).isLessThan(400);
            Matcher m = CSRF.matcher(response.body());
            if (m.find()) {
                csrf = m.group(1);
            }
        }

        /** The newest bank message in the history that matches, waiting for the outbox relay to deliver it. */
        JsonNode await(Predicate<JsonNode> wanted) {
            long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (System.nanoTime() < until) {
                String body = exchange(HttpRequest.newBuilder(uri("/chat/history")).GET().build()).body();
                Optional<JsonNode> found = JSON.readTree(body).path("messages").valueStream()
                        .filter(n -> n.path("from").asString().equals("bank")).map(n -> n.path("message"))
                        .filter(wanted).reduce((a, b) -> b);
                if (found.isPresent()) {
                    return found.get();
                }
                sleep();
            }
            throw new AssertionError("no such message in the history");
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
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
