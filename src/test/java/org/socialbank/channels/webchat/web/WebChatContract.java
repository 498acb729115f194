package org.socialbank.channels.webchat.web;

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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.socialbank.support.Await;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The web chat over real HTTP, on each store (H2 and PostgreSQL subclasses), as its page uses it: a cookie for the visitor, the CSRF token of
 * the page, messages posted with the browser's ids, replies read from the history and the stream.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class WebChatContract {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.socialbank.channels.webchat.WebChatMessages messages;

    @Autowired
    ChatFeed feed;

    @Autowired
    Visitors visitors;

    @DynamicPropertySource
    static void webchat(DynamicPropertyRegistry registry) {
        registry.add("socialbank.web.secure-cookies", () -> "false");
        registry.add("socialbank.webchat.stream-lifetime", () -> "5s");
        registry.add("socialbank.webchat.messages-per-minute-max", () -> "12");
    }

    @Test
    void theChatAnswersHelpAndLinksForPrivateCommands() {
        Visitor visitor = new Visitor();
        String page = visitor.open();
        assertThat(page).contains("id=\"chat-log\"").contains("/js/chat.js");

        assertThat(visitor.send(UUID.randomUUID().toString(), "text", "help").statusCode())
                .isEqualTo(202);
        List<JsonNode> afterHelp = visitor.awaitHistory(h -> bankMessages(h) >= 1);
        assertThat(afterHelp.get(0).get("from").asString()).isEqualTo("visitor");
        assertThat(afterHelp.get(0).get("message").get("text").asString()).isEqualTo("help");
        // issue 13: the help comes with quick replies for the first steps
        assertThat(afterHelp.get(1).get("message").get("kind").asString()).isEqualTo("buttons");

        visitor.send(UUID.randomUUID().toString(), "text", "balance");
        List<JsonNode> afterBalance = visitor.awaitHistory(h -> bankMessages(h) >= 2);
        JsonNode link = afterBalance.get(afterBalance.size() - 1).get("message");
        assertThat(link.get("kind").asString()).isEqualTo("link");
        assertThat(link.get("url").asString()).contains("/link/");
    }

    @Test
    @org.junit.jupiter.api.DisplayName(
            "issue 13 (P10): the page's pin shares the visitor's location, answered with the nearest branches")
    void aSharedLocationIsAnsweredWithTheNearestBranches() {
        Visitor visitor = new Visitor();
        assertThat(visitor.open()).contains("id=\"chat-location\"");
        assertThat(visitor.post(Map.of(
                                "id",
                                UUID.randomUUID().toString(),
                                "lat",
                                "48.85661",
                                "lon",
                                "2.35222",
                                "label",
                                "Share my location"))
                        .statusCode())
                .isEqualTo(202);
        List<JsonNode> history = visitor.awaitHistory(h -> bankMessages(h) >= 1);
        assertThat(history.get(0).get("message").get("text").asString()).isEqualTo("📍 Share my location");
        JsonNode answer = history.get(history.size() - 1).get("message");
        assertThat(answer.get("kind").asString().equals("places")
                        || answer.get("text").asString().equals("I know of no branch yet."))
                .as(answer.toString())
                .isTrue();
        assertThat(visitor.post(Map.of("id", UUID.randomUUID().toString(), "lat", "91", "lon", "2"))
                        .statusCode())
                .as("outside the globe")
                .isEqualTo(400);
        assertThat(visitor.post(Map.of("id", UUID.randomUUID().toString(), "lat", "48.8", "lon", "2.3", "text", "hi"))
                        .statusCode())
                .as("a location alone")
                .isEqualTo(400);
    }

    @Test
    @org.junit.jupiter.api.DisplayName("security review #13: one-time URLs in web-chat payloads are sealed at rest")
    void oneTimeUrlsAreNotStoredInClear() {
        Visitor visitor = new Visitor();
        visitor.open();
        visitor.send(UUID.randomUUID().toString(), "text", "balance");
        List<JsonNode> history = visitor.awaitHistory(h -> bankMessages(h) >= 1);
        assertThat(history.get(history.size() - 1).get("message").get("url").asString())
                .as("served in clear")
                .contains("/link/");
        messages.append(
                visitor.id(),
                "out:" + UUID.randomUUID(),
                "bank",
                "{\"kind\":\"text\",\"text\":\"/confirm/a /unlink/b /claim/c /pay-request/d\"}",
                Instant.now());
        List<String> stored = jdbc.sql("SELECT payload FROM webchat_messages WHERE visitor = ?")
                .param(visitor.id())
                .query(String.class)
                .list();
        assertThat(stored)
                .hasSizeGreaterThanOrEqualTo(3)
                .allSatisfy(payload -> assertThat(payload)
                        .startsWith("sealed:v1:")
                        .doesNotContain("/link/", "/confirm/", "/unlink/", "/claim/", "/pay-request/", "balance"));
        assertThat(jdbc.sql(
                                "SELECT COUNT(*) FROM webchat_messages WHERE payload LIKE '%/link/%' "
                                        + "OR payload LIKE '%/confirm/%' OR payload LIKE '%/unlink/%' OR payload LIKE '%/claim/%'")
                        .query(Long.class)
                        .single())
                .as("no row of the table")
                .isZero();
        assertThat(visitor.history()
                        .get(visitor.history().size() - 1)
                        .get("message")
                        .get("text")
                        .asString())
                .contains("/pay-request/d");
    }

    /** Review of typed codes: the history masked card numbers only; a PIN or a code stayed as typed. */
    @Test
    void aTypedPinCodeOrCardNumberIsMaskedInTheHistory() {
        Visitor visitor = new Visitor();
        visitor.open();
        visitor.send(UUID.randomUUID().toString(), "text", "my pin is 1234");
        visitor.send(UUID.randomUUID().toString(), "text", "the code 123456 and card 4111 1111 1111 1111");
        List<JsonNode> history = visitor.awaitHistory(h -> bankMessages(h) >= 2);
        List<String> typed = history.stream()
                .filter(m -> m.get("from").asString().equals("visitor"))
                .map(m -> m.get("message").get("text").asString())
                .toList();
        assertThat(typed).containsExactly("my pin is ••••", "the code •••••• and card •••• •••• •••• 1111");
        assertThat(history.toString()).doesNotContain("1234", "123456", "4111 1111");
    }

    @Test
    void aRetriedMessageIsAnsweredOnce() {
        Visitor visitor = new Visitor();
        visitor.open();
        String id = UUID.randomUUID().toString();
        HttpResponse<String> first = visitor.send(id, "text", "help");
        HttpResponse<String> again = visitor.send(id, "text", "help");
        assertThat(first.body()).contains("handled");
        assertThat(again.statusCode()).isEqualTo(202);
        assertThat(again.body()).contains("duplicate");

        visitor.awaitHistory(h -> bankMessages(h) >= 1);
        // the message was handled before its answer: once every reply written to the visitor is out, none is left
        String recipient = visitor.id();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM outbox_messages WHERE recipient = ?")
                        .param(recipient)
                        .query(Long.class)
                        .single())
                .isPositive();
        Await.until(
                () -> jdbc.sql("SELECT COUNT(*) FROM outbox_messages WHERE recipient = ? AND status <> 'SUCCEEDED'")
                                .param(recipient)
                                .query(Long.class)
                                .single()
                        == 0,
                "every reply to the visitor is delivered");
        List<JsonNode> history = visitor.history();
        assertThat(history).hasSize(2);
        assertThat(bankMessages(history)).isEqualTo(1);
    }

    @Test
    void visitorsSeeOnlyTheirOwnConversation() {
        Visitor alice = new Visitor();
        Visitor bob = new Visitor();
        alice.open();
        bob.open();
        alice.send(UUID.randomUUID().toString(), "text", "help");
        alice.awaitHistory(h -> bankMessages(h) >= 1);
        assertThat(bob.history()).isEmpty();
    }

    @Test
    void theStreamPushesNewMessagesWithTheirIds() throws Exception {
        Visitor visitor = new Visitor();
        visitor.open();
        CompletableFuture<List<String>> events = visitor.stream(0, Duration.ofSeconds(4));
        visitor.awaitStreamOpen(events);
        visitor.send(UUID.randomUUID().toString(), "text", "help");
        List<String> lines = events.get(10, TimeUnit.SECONDS);
        List<String> ids = lines.stream().filter(l -> l.startsWith("id: ")).toList();
        assertThat(ids).hasSizeGreaterThanOrEqualTo(2); // the visitor's line and the bank's answer
        assertThat(lines).anyMatch(l -> l.startsWith("data: ") && l.contains("\"from\":\"bank\""));

        long last = Long.parseLong(ids.get(ids.size() - 1).substring(4));
        List<String> resumed = visitor.stream(last, Duration.ofSeconds(1)).get(10, TimeUnit.SECONDS);
        // nothing new after Last-Event-ID; young rows may come again (the page drops ids it has) ...
        assertThat(resumed).filteredOn(l -> l.startsWith("id: ")).allMatch(l -> l.equals("id: " + last));
    }

    @Test
    @org.junit.jupiter.api.DisplayName(
            "review of fix-a: a resume id beyond a long starts from the beginning, not a 500")
    void aResumeIdBeyondALongStartsFromTheBeginning() throws Exception {
        Visitor visitor = new Visitor();
        visitor.open();
        visitor.send(UUID.randomUUID().toString(), "text", "help");
        visitor.awaitHistory(h -> bankMessages(h) >= 1);
        String beyond = "9999999999999999999"; // 19 digits, above Long.MAX_VALUE
        // at most 3 at once: a visitor's streams-per-visitor-max
        for (String[] resume :
                new String[][] {{"?after=" + beyond, null}, {"", beyond}, {"?after=" + beyond, beyond}}) {
            List<String> lines =
                    visitor.stream(resume[0], resume[1], Duration.ofSeconds(1)).get(10, TimeUnit.SECONDS);
            assertThat(lines)
                    .as("query %s, Last-Event-ID %s", resume[0], resume[1])
                    .anyMatch(WebChatContract::fromTheBank);
        }
    }

    @Test
    @org.junit.jupiter.api.DisplayName("security review #9: open streams share the node's one poll")
    void openStreamsShareOnePoll() throws Exception {
        List<Visitor> visitors = List.of(new Visitor(), new Visitor(), new Visitor(), new Visitor());
        visitors.forEach(Visitor::open);
        List<CompletableFuture<List<String>>> streams = new ArrayList<>();
        for (Visitor v : visitors) { // long enough for the answers on a loaded machine (CI once took over 4 s)
            streams.add(v.stream(0, Duration.ofSeconds(12)));
        }
        // all four subscribed at once: a stream that reached its 5 s lifetime while another was still
        // being subscribed (CI, session 16: one took about 5 s) is opened again, as the page's
        // EventSource does; a refused one fails at once
        Await.until(
                () -> {
                    boolean all = true;
                    for (int i = 0; i < visitors.size(); i++) {
                        if (feed.streams(visitors.get(i).id()) == 0) {
                            all = false;
                            if (streams.get(i).isDone()) {
                                Visitor.requireServed(streams.get(i));
                                streams.set(i, visitors.get(i).stream(0, Duration.ofSeconds(12)));
                            }
                        }
                    }
                    return all;
                },
                "the four visitors' streams subscribed to the feed at once");
        long reads = feed.reads();
        long started = System.nanoTime();
        for (Visitor v : visitors) {
            v.send(UUID.randomUUID().toString(), "text", "help");
        }
        for (int i = 0; i < visitors.size(); i++) {
            // the answer through the open stream, or, if that stream reached its lifetime first,
            // through the next one's catch-up (which reads the store, not the feed's shared poll)
            List<String> lines = new ArrayList<>(streams.get(i).get(30, TimeUnit.SECONDS));
            if (lines.stream().noneMatch(WebChatContract::fromTheBank)) {
                lines.addAll(visitors.get(i).stream(0, Duration.ofSeconds(2)).get(30, TimeUnit.SECONDS));
            }
            assertThat(lines).anyMatch(WebChatContract::fromTheBank);
        }
        long ticks = Duration.ofNanos(System.nanoTime() - started).toMillis() / 500 + 2;
        assertThat(feed.reads() - reads)
                .as("one query a tick for all %d streams, not one per stream", visitors.size())
                .isLessThanOrEqualTo(ticks);
    }

    private static boolean fromTheBank(String line) {
        return line.startsWith("data: ") && line.contains("\"from\":\"bank\"");
    }

    @Test
    void aRowCommittedLateWithAnOlderSeqStillReachesTheStream() throws Exception {
        Visitor visitor = new Visitor();
        visitor.open();
        visitor.send(UUID.randomUUID().toString(), "text", "help");
        List<JsonNode> history = visitor.awaitHistory(h -> bankMessages(h) >= 1);
        long last = history.get(history.size() - 1).get("id").asLong();
        CompletableFuture<List<String>> events = visitor.stream(last, Duration.ofSeconds(2));
        visitor.awaitStreamOpen(events);
        long older = -1 - new java.util.Random().nextInt(1_000_000); // a seq taken before, committed after
        jdbc.sql("INSERT INTO webchat_messages (seq, visitor, message_key, sender, payload, created_at) "
                        + "VALUES (?, ?, ?, 'bank', '{\"kind\":\"text\",\"text\":\"late\"}', ?)")
                .params(
                        older,
                        visitor.id(),
                        "out:" + UUID.randomUUID(),
                        java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC))
                .update();
        List<String> lines = events.get(10, TimeUnit.SECONDS);
        assertThat(lines).anyMatch(l -> l.startsWith("data: ") && l.contains("\"late\""));
        assertThat(lines).filteredOn(l -> l.startsWith("id: ")).allMatch(l -> l.equals("id: " + last));
    }

    @Test
    void jsonWithTheCsrfHeaderWorksLikeTheForm() {
        Visitor visitor = new Visitor();
        visitor.open();
        String id = UUID.randomUUID().toString();
        String body = "{\"id\":\"" + id + "\",\"text\":\"help\"}";
        assertThat(visitor.postJson(body, visitor.csrf).statusCode()).isEqualTo(202);
        assertThat(visitor.postJson(body, visitor.csrf).body()).contains("duplicate");
        assertThat(visitor.postJson(body, "forged").statusCode()).isEqualTo(403);
        assertThat(visitor.postJson("{\"id\":\"" + id + "\",\"txt\":\"help\"}", visitor.csrf)
                        .statusCode())
                .isEqualTo(400);
        visitor.awaitHistory(h -> bankMessages(h) >= 1);
    }

    @Test
    void aVisitorWritingTooFastIsToldToWait() {
        Visitor visitor = new Visitor();
        visitor.open();
        for (int i = 0; i < 12; i++) {
            assertThat(visitor.send(UUID.randomUUID().toString(), "text", "hello " + i)
                            .statusCode())
                    .isEqualTo(202);
        }
        HttpResponse<String> refused = visitor.send(UUID.randomUUID().toString(), "text", "once more");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.body()).contains("too_many_messages");
        Visitor other = new Visitor();
        other.open();
        assertThat(other.send(UUID.randomUUID().toString(), "text", "help").statusCode())
                .isEqualTo(202);
    }

    @Test
    void badInputIsRefused() {
        Visitor visitor = new Visitor();
        visitor.open();
        assertThat(visitor.send("not-a-uuid", "text", "help").statusCode()).isEqualTo(400);
        assertThat(visitor.send(UUID.randomUUID().toString(), "text", "x".repeat(4097))
                        .statusCode())
                .isEqualTo(400);
        assertThat(visitor.send(UUID.randomUUID().toString(), "text", "   ").statusCode())
                .isEqualTo(400);
        assertThat(visitor.send(UUID.randomUUID().toString(), "button", "r".repeat(65))
                        .statusCode())
                .isEqualTo(400);
        assertThat(visitor.post(Map.of("id", UUID.randomUUID().toString(), "text", "a", "button", "b"))
                        .statusCode())
                .isEqualTo(400);
        assertThat(visitor.post(Map.of("id", UUID.randomUUID().toString(), "text", "help", "_csrf", "forged"))
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void withoutTheVisitorCookieNothingIsReadOrWritten() {
        Visitor visitor = new Visitor();
        visitor.open();
        visitor.cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals(Visitors.PLAIN_COOKIE))
                .toList()
                .forEach(c -> visitor.cookies.getCookieStore().remove(null, c));
        assertThat(visitor.cookies.getCookieStore().getCookies())
                .noneMatch(c -> c.getName().equals(Visitors.PLAIN_COOKIE));
        assertThat(visitor.send(UUID.randomUUID().toString(), "text", "help").statusCode())
                .isEqualTo(400);
        assertThat(visitor.get("/chat/history").statusCode()).isEqualTo(400);
        assertThat(visitor.get("/chat/stream").statusCode()).isEqualTo(400);
    }

    private static long bankMessages(List<JsonNode> history) {
        return history.stream()
                .filter(m -> m.get("from").asString().equals("bank"))
                .count();
    }

    /** One browser: its cookies and the CSRF token of the last page it opened. */
    @Test
    void messagesOlderThanTheRetentionAreDeletedInBoundedBatches() {
        String visitor = "retention-" + UUID.randomUUID();
        Instant old = Instant.parse("2020-01-01T00:00:00Z");
        for (int i = 0; i < 3; i++) {
            assertThat(messages.append(visitor, "in:" + i, "visitor", "{\"kind\":\"visitor\",\"text\":\"x\"}", old))
                    .isTrue();
        }
        assertThat(messages.append(
                        visitor, "in:new", "visitor", "{\"kind\":\"visitor\",\"text\":\"y\"}", Instant.now()))
                .isTrue();
        int deleted = 0;
        int batch;
        do {
            batch = messages.deleteBefore(Instant.parse("2021-01-01T00:00:00Z"), 2);
            assertThat(batch).isLessThanOrEqualTo(2);
            deleted += batch;
        } while (batch > 0);
        assertThat(deleted).isGreaterThanOrEqualTo(3);
        assertThat(messages.newest(visitor, 10)).hasSize(1);
    }

    final class Visitor {

        final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        final HttpClient http = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        String csrf;

        String id() {
            return cookies.getCookieStore().getCookies().stream()
                    .filter(c -> c.getName().equals(Visitors.PLAIN_COOKIE))
                    .findFirst()
                    .flatMap(c -> visitors.visitor(c.getValue()))
                    .orElseThrow();
        }

        String open() {
            HttpResponse<String> page = get("/chat");
            assertThat(page.statusCode()).isEqualTo(200);
            Matcher m = CSRF.matcher(page.body());
            assertThat(m.find()).as("the page carries a CSRF token").isTrue();
            csrf = m.group(1);
            return page.body();
        }

        HttpResponse<String> send(String id, String field, String value) {
            return post(Map.of("id", id, field, value));
        }

        HttpResponse<String> post(Map<String, String> fields) {
            Map<String, String> form = new LinkedHashMap<>(fields);
            form.putIfAbsent("_csrf", csrf);
            StringBuilder body = new StringBuilder();
            form.forEach((k, v) -> body.append(body.length() == 0 ? "" : "&")
                    .append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                    .append('=')
                    .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
            return exchange(HttpRequest.newBuilder(uri("/chat/messages"))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                    .build());
        }

        HttpResponse<String> postJson(String json, String token) {
            return exchange(HttpRequest.newBuilder(uri("/chat/messages"))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .header("X-XSRF-TOKEN", token)
                    .POST(HttpRequest.BodyPublishers.ofString(json))
                    .build());
        }

        HttpResponse<String> get(String path) {
            return exchange(HttpRequest.newBuilder(uri(path))
                    .timeout(Duration.ofSeconds(30))
                    .GET()
                    .build());
        }

        List<JsonNode> history() {
            HttpResponse<String> response = get("/chat/history");
            assertThat(response.statusCode()).isEqualTo(200);
            List<JsonNode> messages = new ArrayList<>();
            JSON.readTree(response.body()).get("messages").forEach(messages::add);
            return messages;
        }

        List<JsonNode> awaitHistory(Predicate<List<JsonNode>> done) {
            return Await.until(this::history, done, Await.DEFAULT, history -> "the history: " + history);
        }

        /**
         * Waits until the bank's feed holds this visitor's stream (opened by {@link #stream}); a
         * stream that ends first (a refusal, a failed request) fails at once with what it got, not
         * after the whole wait (CI once waited 30 s here with nothing to say why: session 13).
         */
        void awaitStreamOpen(CompletableFuture<List<String>> stream) {
            String visitor = id();
            boolean[] subscribed = {false};
            Await.until(
                    () -> (subscribed[0] = feed.streams(visitor) > 0) || stream.isDone(),
                    "the visitor's stream is subscribed to the feed");
            if (!subscribed[0]) { // the stream is done: its outcome is there without waiting
                throw new AssertionError("the stream ended before the server subscribed it: " + outcome(stream));
            }
        }

        /** Fails with the stream's outcome when it ended refused or failed (not by its lifetime). */
        static void requireServed(CompletableFuture<List<String>> stream) {
            if (stream.isCompletedExceptionally()) {
                throw new AssertionError("a stream was not served: " + outcome(stream));
            }
        }

        private static String outcome(CompletableFuture<List<String>> stream) {
            try {
                return "its lines " + stream.join();
            } catch (java.util.concurrent.CompletionException e) {
                return "failed with " + e.getCause();
            }
        }

        /** The raw lines of the SSE stream during {@code during}, read on another thread. */
        CompletableFuture<List<String>> stream(long lastEventId, Duration during) {
            return stream("", Long.toString(lastEventId), during);
        }

        /** The same, with the query ({@code ""} or {@code ?after=...}) and Last-Event-ID (or null) as given. */
        CompletableFuture<List<String>> stream(String query, String lastEventId, Duration during) {
            HttpRequest.Builder builder =
                    HttpRequest.newBuilder(uri("/chat/stream" + query)).header("Accept", "text/event-stream");
            if (lastEventId != null) {
                builder.header("Last-Event-ID", lastEventId);
            }
            HttpRequest request = builder.GET().build();
            // The lines read within `during` of the response, handed over when `during` ends: not
            // when the next line comes (a quiet stream would hold the test to its 5 s lifetime).
            // The stream is then closed; a read still blocked on it ends with the server's close.
            List<String> lines = new ArrayList<>(); // guarded by itself: the reader and the timer
            CompletableFuture<List<String>> read = new CompletableFuture<>();
            http.sendAsync(request, HttpResponse.BodyHandlers.ofLines()).whenComplete((response, failed) -> {
                if (failed != null) {
                    read.completeExceptionally(failed);
                    return;
                }
                if (response.statusCode() != 200) {
                    response.body().close();
                    read.completeExceptionally(
                            new AssertionError("the stream answered " + response.statusCode() + ", not 200"));
                    return;
                }
                Stream<String> body = response.body();
                CompletableFuture.delayedExecutor(during.toMillis(), TimeUnit.MILLISECONDS)
                        .execute(() -> {
                            synchronized (lines) {
                                read.complete(List.copyOf(lines));
                            }
                            body.close();
                        });
                try (body) {
                    var it = body.iterator();
                    while (!read.isDone() && it.hasNext()) {
                        String line = it.next();
                        synchronized (lines) {
                            if (!read.isDone()) {
                                lines.add(line);
                            }
                        }
                    }
                } catch (RuntimeException e) { // closed when `during` ended (the lines are handed over), or failed
                    read.completeExceptionally(e);
                }
                synchronized (lines) { // the server ended it first (its lifetime)
                    read.complete(List.copyOf(lines));
                }
            });
            return read;
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
}
