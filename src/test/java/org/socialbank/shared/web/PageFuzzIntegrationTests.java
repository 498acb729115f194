package org.socialbank.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialbank.console.ConsoleStaff;
import org.socialbank.console.Role;
import org.socialbank.console.StaffId;
import org.socialbank.console.StaffMember;
import org.socialbank.console.staff.StaffAccounts;
import org.socialbank.listening.cases.Cases;
import org.socialbank.shared.web.PageInputs.Probe;
import org.socialbank.support.FormClient;
import org.socialbank.support.Seeds;
import org.socialbank.support.TestStores;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The pages' guard of the bank's rule for bad input, beside the API's ({@link
 * ApiFuzzIntegrationTests}): every page route the running application maps ({@link PageRoute},
 * from the {@code RequestMappingHandlerMapping}: everything but the API, its documentation and
 * the actuator) gets a seeded, bounded set of bad requests ({@link PageInputs}, values from
 * {@link Garbage}), console routes as a member of staff holding every role, forms with their CSRF
 * token. Every response must be below 500 and come within {@link #ANSWER_MAX}; no body may carry
 * stack-trace text; a 4xx must be the bank's own (its HTML page for a person, problem+json for a
 * program's address or the console's refusals); and a refused write must leave every table's
 * row count as it was ({@link StoreRows}). The failure lists every offending request at once.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "socialbank.web.secure-cookies=false")
class PageFuzzIntegrationTests {

    private static final Logger log = LoggerFactory.getLogger(PageFuzzIntegrationTests.class);

    /** The run's seed unless {@code -Dsocialbank.test.seed} names another. */
    static final long SEED = 20_261_207L;

    static final Duration ANSWER_MAX = Duration.ofSeconds(10);

    /** A long target (2,000 characters of path) is cut to this in the failure message. */
    static final int TARGET_SHOWN_MAX = 160;

    static final String ACCEPT = "text/html,application/xhtml+xml,*/*;q=0.8";

    /** The customer pages' double-submit CSRF token: its cookie and the form's field hold the same. */
    static final String PAGE_CSRF = "page-fuzz-csrf-token";

    /** Text of the servlet container's or Spring's own error pages, which a reader must never see. */
    static final List<String> FOREIGN_PAGE_TEXT = List.of("Whitelabel", "HTTP Status", "Apache Tomcat");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    StaffAccounts accounts;

    @Autowired
    Clock clock;

    @Autowired
    Cases cases;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        TestStores.h2(registry);
        registry.add("socialbank.assistant.ready-wait", () -> "0s");
    }

    /** One request that broke the rule. */
    record Finding(PageRoute route, Probe probe, int status, String why) {

        @Override
        public String toString() {
            String target = probe.target().length() > TARGET_SHOWN_MAX
                    ? probe.target().substring(0, TARGET_SHOWN_MAX) + "…"
                    : probe.target();
            return route + "  [" + probe.label() + "]  " + target + "  -> " + status + ": " + why;
        }
    }

    /** What one probe got. */
    record Answer(int status, String contentType, String body) {}

    @Test
    @DisplayName("every page route answers bad input with the bank's own 4xx: no 5xx, no stack trace, no write")
    void everyPageRefusesBadInputCleanly() {
        long seed = Seeds.fixed() != null ? Seeds.fixed() : SEED;
        List<PageRoute> routes = PageRoute.all(mappings);
        assertThat(routes).as("page routes").hasSizeGreaterThan(100);
        FormClient staff = signedInEverywhere();
        staff.cookies().getCookieStore().add(URI.create(base()), csrfCookie());
        HttpClient client = HttpClient.newBuilder()
                .cookieHandler(staff.cookies())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        StoreRows rows = new StoreRows(jdbc);

        List<Finding> findings = new ArrayList<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        long started = System.nanoTime();
        boolean sessionChecked = false;
        for (PageRoute route : routes) {
            if (!sessionChecked && route.pattern().startsWith("/console/log")) {
                assertThat(send(client, staff, route, new Probe("session", "/console", null, false))
                                .status())
                        .as("the fuzz's console session outlived every other console route")
                        .isEqualTo(200);
                sessionChecked = true;
            }
            probe(route, seed, client, staff, rows, findings, statuses);
        }
        int requests = statuses.values().stream().mapToInt(Integer::intValue).sum();
        log.info(
                "Page fuzz: {} routes, {} requests in {} ms, statuses {}, {}",
                routes.size(),
                requests,
                (System.nanoTime() - started) / 1_000_000,
                statuses,
                Seeds.replay(seed));
        if (!findings.isEmpty()) {
            fail(report(findings, routes.size(), requests, seed));
        }
    }

    /** Sends one route its probes; adds what broke the rule to {@code findings}, each status to {@code statuses}. */
    private void probe(
            PageRoute route,
            long seed,
            HttpClient client,
            FormClient staff,
            StoreRows rows,
            List<Finding> findings,
            Map<Integer, Integer> statuses) {
        // a generator per route: its probes stay the same when other routes come or go
        RandomGenerator random = Seeds.random(seed + route.toString().hashCode());
        Map<String, Long> counted = route.writes() ? rows.count() : Map.of();
        for (Probe probe : new PageInputs(route, random).probes()) {
            if (route.pattern().startsWith("/console/log")) {
                // a sign-in step may have ended the session: the sign-in form holds the token now
                staff.get("/console/login");
            }
            Answer answer = send(client, staff, route, probe);
            List<String> broken = new ArrayList<>(rule(probe, answer));
            if (route.writes()) {
                Map<String, Long> after = rows.count();
                String changed = StoreRows.changes(counted, after);
                if (answer.status() >= 400 && !changed.isEmpty()) {
                    broken.add("refused, yet wrote " + changed);
                }
                counted = after;
            }
            broken.forEach(why -> findings.add(new Finding(route, probe, answer.status(), why)));
            statuses.merge(answer.status(), 1, Integer::sum);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/c/nobody", "/c/nobody/1", "/c/nobody/x"})
    @DisplayName(
            "page fuzz find: an unknown campaign link is the bank's own 404 page in the reader's language, not an empty body")
    void unknownCampaignLinkIsTheBanksOwnPage(String link) {
        Answer answer = send(
                HttpClient.newHttpClient(),
                new FormClient(port),
                new PageRoute("GET", link, Map.of(), Map.of()),
                new Probe("regression", link + "?lang=fr", null, false));
        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.contentType()).startsWith("text/html");
        assertThat(answer.body()).contains("bank-header", "lang=\"fr\"");
    }

    @Test
    @DisplayName(
            "page fuzz find: a claim code posted to an address that names no claim is the 404 page, not a 500 on its cookie path")
    void claimCodeOnAnAddressOfNoClaimIsNotFound() {
        String rtl = "/claim/%E2%80%AE%D8%B3%D9%84%D8%A7%D9%85/code";
        Answer answer = send(
                HttpClient.newBuilder().cookieHandler(customerCookies()).build(),
                new FormClient(port),
                new PageRoute("POST", rtl, Map.of(), Map.of()),
                new Probe("regression", rtl, "code=123456", false));
        assertThat(answer.status()).as(answer.body()).isEqualTo(404);
        assertThat(answer.contentType()).startsWith("text/html");
    }

    /**
     * A member of staff holding every role (so every permission) in the default teams and the
     * listening cases' team, whose pages check the team too, signed in over plain HTTP.
     */
    private FormClient signedInEverywhere() {
        String username = "page-fuzz-" + UUID.randomUUID().toString().substring(0, 8);
        StaffMember member = new StaffMember(
                StaffId.random(),
                username,
                "Page Fuzz",
                EnumSet.allOf(Role.class),
                List.of("cards", "payments", cases.defaultTeam()),
                List.of("en"));
        accounts.create(member, ConsoleStaff.PASSWORD, ConsoleStaff.SECRET);
        FormClient client = new FormClient(port);
        assertThat(new ConsoleStaff(accounts, clock).signIn(client, member).contains("Sign out"))
                .as("signed in")
                .isTrue();
        return client;
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    /** A browser's cookies holding only the customer pages' CSRF cookie. */
    private CookieManager customerCookies() {
        CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        cookies.getCookieStore().add(URI.create(base()), csrfCookie());
        return cookies;
    }

    private static HttpCookie csrfCookie() {
        HttpCookie cookie = new HttpCookie("XSRF-TOKEN", PAGE_CSRF);
        cookie.setPath("/");
        cookie.setVersion(0);
        return cookie;
    }

    /** The answer; status 0 when the connection failed or no answer came within {@link #ANSWER_MAX}. */
    private Answer send(HttpClient client, FormClient staff, PageRoute route, Probe probe) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + probe.target()))
                .timeout(ANSWER_MAX)
                .header("Accept", ACCEPT);
        if (probe.htmx()) {
            request.header("HX-Request", "true");
        }
        if (probe.form() == null) {
            request.GET();
        } else {
            String csrf = route.console() ? staff.csrf() : PAGE_CSRF;
            String body = probe.form() + (probe.form().isEmpty() ? "" : "&") + "_csrf=" + csrf;
            request.header("Content-Type", "application/x-www-form-urlencoded")
                    .header(route.console() ? "X-CSRF-TOKEN" : "X-XSRF-TOKEN", csrf)
                    .method(route.method(), HttpRequest.BodyPublishers.ofString(body));
        }
        var pending = client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString());
        try {
            HttpResponse<String> response = pending.get(ANSWER_MAX.toMillis() + 1_000, TimeUnit.MILLISECONDS);
            return new Answer(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (ExecutionException | TimeoutException noAnswer) {
            pending.cancel(true);
            return new Answer(0, "", String.valueOf(noAnswer.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** What an answer broke of the rule, as short reasons; none for a clean answer. */
    static List<String> rule(Probe probe, Answer answer) {
        List<String> broken = new ArrayList<>();
        if (answer.status() == 0) {
            broken.add("no answer within " + ANSWER_MAX.toSeconds() + " s: " + answer.body());
            return broken;
        }
        if (answer.status() >= 500) {
            broken.add("a server error for bad input");
        }
        ApiFuzzIntegrationTests.TRACE_TEXT.stream()
                .filter(answer.body()::contains)
                .findFirst()
                .ifPresent(text -> broken.add("stack-trace text '" + text + "' in the body"));
        if (answer.status() >= 400) {
            String foreign = foreign(probe, answer);
            if (foreign != null) {
                broken.add(foreign);
            }
        }
        return broken;
    }

    /**
     * Why a 4xx is not the bank's own answer, or null: a program's address answers problem+json;
     * a page answers the bank's HTML, or problem+json where the console refuses a request.
     */
    private static String foreign(Probe probe, Answer answer) {
        String path = probe.target().split("\\?", 2)[0];
        boolean problem = answer.contentType().startsWith("application/problem+json");
        if (ErrorPages.readsProblems(path, ACCEPT)) {
            return problem ? null : "a program's address, yet not problem+json but '" + answer.contentType() + "'";
        }
        if (problem) {
            return null;
        }
        if (!answer.contentType().startsWith("text/html")) {
            return "a page, yet neither the bank's HTML nor problem+json but '" + answer.contentType() + "'";
        }
        return FOREIGN_PAGE_TEXT.stream()
                .filter(answer.body()::contains)
                .findFirst()
                .map(text -> "not the bank's page: '" + text + "'")
                .orElse(null);
    }

    private static String report(List<Finding> findings, int routes, int sent, long seed) {
        long affected =
                findings.stream().map(f -> f.route().toString()).distinct().count();
        return findings.size() + " bad answers in " + affected + " of " + routes + " page routes (" + sent
                + " requests, " + Seeds.replay(seed) + "), as route [what was bad] target -> status: why:\n  "
                + findings.stream().map(Finding::toString).collect(Collectors.joining("\n  "));
    }
}
