package org.socialbank.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialbank.directory.Directory;
import org.socialbank.ledger.Ledger;
import org.socialbank.shared.web.BadInputs.Probe;
import org.socialbank.support.Api;
import org.socialbank.support.Api.Response;
import org.socialbank.support.Customers;
import org.socialbank.support.Seeds;
import org.socialbank.support.TestStores;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The API-wide guard of the bank's rule for bad input: a clear 4xx {@code problem+json}, never a
 * 5xx, a stack trace or a half-done write. It reads the live OpenAPI document, and sends every
 * operation under {@code /api/} a seeded, bounded set of bad requests ({@link BadInputs}, values
 * from {@link Garbage}) with a token holding every scope, so that each reaches its controller.
 * Every response must be below 500; a 4xx must be {@code application/problem+json} (the security
 * chain's 401 and 403 are too, {@code Problems.write}; with this token neither may occur); no
 * body may carry stack-trace text; and a refused write must leave every table's row count as it
 * was ({@link StoreRows}). The failure lists every offending request at once; docs/testing.md
 * tells how to read it. The seed is fixed; {@code -Dsocialbank.test.seed=N} tries another.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApiFuzzIntegrationTests {

    private static final Logger log = LoggerFactory.getLogger(ApiFuzzIntegrationTests.class);

    /** The run's seed unless {@code -Dsocialbank.test.seed} names another. */
    static final long SEED = 20_261_206L;

    /** Text that only a stack trace or an exception's name puts in a body. */
    static final List<String> TRACE_TEXT = List.of("at org.", "at java.", "Exception");

    @LocalServerPort
    int port;

    @Value("${springdoc.api-docs.path}")
    String apiDocs;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Directory directory;

    @Autowired
    Ledger ledger;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        TestStores.h2(registry);
        // a question is answered by the quick model at once, not after waiting up to 5 s per request
        // for the full models' training: the fuzz tests the input's handling, not the answer
        registry.add("socialbank.assistant.ready-wait", () -> "0s");
    }

    /** One request that broke the rule, and which part of it. */
    record Finding(OpenApiOperation operation, Probe probe, int status, String code, String why) {

        @Override
        public String toString() {
            return operation + "  [" + probe.input() + "]  -> " + status + (code.isEmpty() ? "" : " " + code) + ": "
                    + why;
        }
    }

    @Test
    @DisplayName("every /api/ operation answers bad input with a 4xx problem+json: no 5xx, no stack trace, no write")
    void everyOperationRefusesBadInputCleanly() {
        long seed = Seeds.fixed() != null ? Seeds.fixed() : SEED;
        Api api = new Api(port);
        JsonNode document = api.get(apiDocs).json();
        List<OpenApiOperation> operations = OpenApiOperation.under("/api/", document);
        assertThat(operations).as("operations under /api/ in " + apiDocs).hasSizeGreaterThan(50);
        StoreRows rows = new StoreRows(jdbc);
        Map<String, String> existing = existingCustomer(rows);

        List<Finding> findings = new ArrayList<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        long started = System.nanoTime();
        for (OpenApiOperation operation : operations) {
            // a generator per operation: its probes stay the same when other operations come or go
            RandomGenerator random = Seeds.random(seed + operation.toString().hashCode());
            // one count of the store before a write operation, then one after each of its probes
            Map<String, Long> counted = operation.writes() ? rows.count() : Map.of();
            for (Probe probe : new BadInputs(document, operation, random, existing).probes()) {
                Sent sent = send(api, rows, operation, probe, counted);
                findings.addAll(sent.findings());
                statuses.merge(sent.response().status(), 1, Integer::sum);
                counted = sent.counted();
            }
        }
        int requests = statuses.values().stream().mapToInt(Integer::intValue).sum();
        log.info(
                "API fuzz: {} operations, {} requests in {} ms, statuses {}, {}",
                operations.size(),
                requests,
                (System.nanoTime() - started) / 1_000_000,
                statuses,
                Seeds.replay(seed));
        if (!findings.isEmpty()) {
            fail(report(findings, operations.size(), requests, seed));
        }
    }

    /**
     * A customer with a funded wallet, by the path segment that names each ({@code customers},
     * {@code accounts}): probes of a body or a query then reach past "not found". Her creation
     * also shows that the counts see a write.
     */
    private Map<String, String> existingCustomer(StoreRows rows) {
        Map<String, Long> before = rows.count();
        Customers.Customer customer = new Customers(directory, ledger)
                .named("Fuzz Target")
                .phoneIn("+3368")
                .tag("fuzztarget")
                .wallet("EUR", 10_000)
                .create();
        assertThat(StoreRows.changes(before, rows.count()))
                .as("the counts see a write")
                .contains("customers +1");
        return Map.of(
                "customers", customer.id().value().toString(),
                "accounts", customer.wallet().value().toString());
    }

    /** What one probe got, what it broke of the rule, and the store's counts after it (for a write). */
    record Sent(Response response, List<Finding> findings, Map<String, Long> counted) {}

    /** Sends one probe; {@code before} are the store's counts before it, for a write operation. */
    private Sent send(Api api, StoreRows rows, OpenApiOperation operation, Probe probe, Map<String, Long> before) {
        Response response = exchange(api, operation, probe);
        List<String> broken = new ArrayList<>(rule(response));
        Map<String, Long> after = operation.writes() ? rows.count() : before;
        if (operation.writes() && response.status() >= 400) {
            String changed = StoreRows.changes(before, after);
            if (!changed.isEmpty()) {
                broken.add("refused, yet wrote " + changed);
            }
        }
        List<Finding> findings = broken.stream()
                .map(why -> new Finding(operation, probe, response.status(), code(response), why))
                .toList();
        return new Sent(response, findings, after);
    }

    /** The answer, or a status-0 one when the connection failed. */
    private static Response exchange(Api api, OpenApiOperation operation, Probe probe) {
        try {
            return api.send(request(api, operation, probe));
        } catch (UncheckedIOException noAnswer) {
            return new Response(0, "", "");
        }
    }

    private static HttpRequest request(Api api, OpenApiOperation operation, Probe probe) {
        HttpRequest.BodyPublisher body = probe.body() == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(probe.body());
        return api.request(probe.target())
                .header("Content-Type", probe.contentType())
                .method(operation.method(), body)
                .build();
    }

    /** What a response broke of the rule, as short reasons; none for a clean answer. */
    static List<String> rule(Response response) {
        List<String> broken = new ArrayList<>();
        if (response.status() == 0) {
            broken.add("no answer: the connection failed");
        }
        if (response.status() >= 500) {
            broken.add("a server error for bad input");
        }
        if (response.status() == 401 || response.status() == 403) {
            broken.add("refused a token that holds every scope");
        }
        if (response.status() >= 400 && !response.contentType().startsWith("application/problem+json")) {
            broken.add("not problem+json but '" + response.contentType() + "'");
        }
        TRACE_TEXT.stream()
                .filter(response.body()::contains)
                .findFirst()
                .ifPresent(text -> broken.add("stack-trace text '" + text + "' in the body"));
        return broken;
    }

    private static String code(Response response) {
        if (!response.contentType().contains("json")) {
            return "";
        }
        try {
            return response.json().path("code").asString("");
        } catch (RuntimeException notJson) {
            return "";
        }
    }

    private static String report(List<Finding> findings, int operations, int sent, long seed) {
        long affected =
                findings.stream().map(f -> f.operation().toString()).distinct().count();
        return findings.size() + " bad answers in " + affected + " of " + operations + " operations (" + sent
                + " requests, " + Seeds.replay(seed) + "), as operation [what was bad] -> status code: why:\n  "
                + findings.stream().map(Finding::toString).collect(Collectors.joining("\n  "));
    }
}
