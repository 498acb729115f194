package org.socialbank.channels.x;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.socialbank.support.Await;
import tools.jackson.databind.JsonNode;

/**
 * X API v2 for tests: {@code POST /2/tweets} and {@code POST /2/dm_conversations/with/<id>/messages}
 * answer 201 with X's {@code data} object and rate-limit headers; {@code GET
 * /2/users/by/username/<username>} answers the users made known with {@link #user}, and X's
 * 200-with-{@code errors} for anyone else; every call is recorded with its Authorization header and
 * time; a 429 with {@code x-rate-limit-reset}, or any status, can be injected for the next call of
 * each kind ({@code tweet}, {@code dm}, {@code user}). A DM body with members other than {@code text}
 * and {@code attachments} is refused with 400, as X does.
 */
final class FakeXApi implements AutoCloseable {

    static final Pattern DM_PATH = Pattern.compile("/2/dm_conversations/with/([0-9]+)/messages");
    static final java.util.Set<String> DM_MEMBERS = java.util.Set.of("text", "attachments");
    static final Pattern USER_PATH = Pattern.compile("/2/users/by/username/([A-Za-z0-9_]+)");

    /**
     * One call as received.
     *
     * @param kind {@code tweet} or {@code dm}
     * @param to the DM's participant, or the tweet replied to
     */
    record Call(String kind, String to, JsonNode body, String authorization, Instant at) {
        String text() {
            return body.path("text").asString("");
        }
    }

    private record Failure(int status, long resetEpochSeconds) {}

    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final List<Call> refused = new CopyOnWriteArrayList<>();
    private final Map<String, Queue<Failure>> failures = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong(1_900_000_000_000_000_000L);
    private final Map<String, String> users = new ConcurrentHashMap<>();

    FakeXApi() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The next call of this kind ({@code tweet} or {@code dm}) gets 429 with this reset (epoch seconds). */
    void rateLimit(String kind, long resetEpochSeconds) {
        failures.computeIfAbsent(kind, k -> new ConcurrentLinkedQueue<>()).add(new Failure(429, resetEpochSeconds));
    }

    /** The next call of this kind gets this status. */
    void fail(String kind, int status) {
        failures.computeIfAbsent(kind, k -> new ConcurrentLinkedQueue<>()).add(new Failure(status, -1));
    }

    /** X knows this user: a lookup of the username (any case) answers this id. */
    void user(String username, String id) {
        users.put(username.toLowerCase(java.util.Locale.ROOT), id);
    }

    /** X no longer knows this username (the account renamed, or was deleted). */
    void forget(String username) {
        users.remove(username.toLowerCase(java.util.Locale.ROOT));
    }

    /** The id a lookup of this username answers, if X knows it. */
    java.util.Optional<String> holder(String username) {
        return java.util.Optional.ofNullable(users.get(username.toLowerCase(java.util.Locale.ROOT)));
    }

    /** The lookups of users by username, in order. */
    List<Call> lookups() {
        return calls.stream().filter(c -> c.kind().equals("user")).toList();
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    /** The DMs sent to one user, in order. */
    List<Call> dms(String userId) {
        return calls.stream()
                .filter(c -> c.kind().equals("dm") && c.to().equals(userId))
                .toList();
    }

    /** The public replies to one tweet. */
    List<Call> replies(String tweetId) {
        return calls.stream()
                .filter(c -> c.kind().equals("tweet") && c.to().equals(tweetId))
                .toList();
    }

    /** The DM number {@code n} (from 1) to a user, once it came. */
    Call dm(String userId, int n) {
        await(() -> dms(userId).size() >= n, "DM " + n + " to " + userId);
        return dms(userId).get(n - 1);
    }

    Call reply(String tweetId, int n) {
        await(() -> replies(tweetId).size() >= n, "reply " + n + " to " + tweetId);
        return replies(tweetId).get(n - 1);
    }

    void await(java.util.function.BooleanSupplier condition, String what) {
        Await.until(condition, Duration.ofSeconds(30), () -> what + "; calls: " + calls + "; refused: " + refused);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            byte[] raw = exchange.getRequestBody().readAllBytes();
            JsonNode body = raw.length == 0 ? XApi.JSON.createObjectNode() : XApi.JSON.readTree(raw);
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            Matcher dm = DM_PATH.matcher(path);
            Matcher user = USER_PATH.matcher(path);
            String kind;
            String to;
            if (exchange.getRequestMethod().equals("POST") && path.equals("/2/tweets")) {
                kind = "tweet";
                to = body.path("reply").path("in_reply_to_tweet_id").asString("");
            } else if (exchange.getRequestMethod().equals("POST") && dm.matches()) {
                kind = "dm";
                to = dm.group(1);
            } else if (exchange.getRequestMethod().equals("GET") && user.matches()) {
                kind = "user";
                to = user.group(1);
            } else {
                answer(exchange, 404, "{\"title\":\"Not Found Error\"}", null);
                return;
            }
            if (kind.equals("dm") && !dmBodyAccepted(body)) {
                refused.add(new Call(kind, to, body, auth, Instant.now()));
                answer(
                        exchange,
                        400,
                        "{\"errors\":[{\"message\":\"The request body has properties X does not take\"}],"
                                + "\"title\":\"Invalid Request\",\"detail\":\"One or more parameters to your "
                                + "request was invalid.\",\"type\":\"https://api.twitter.com/2/problems/invalid-request\"}",
                        null);
                return;
            }
            Failure failure =
                    failures.getOrDefault(kind, new ConcurrentLinkedQueue<>()).poll();
            if (failure != null) {
                answer(
                        exchange,
                        failure.status(),
                        "{\"title\":\"Too Many Requests\",\"detail\":\"Too Many Requests\","
                                + "\"type\":\"about:blank\",\"status\":" + failure.status() + "}",
                        failure);
                return;
            }
            calls.add(new Call(kind, to, body, auth, Instant.now()));
            if (kind.equals("user")) {
                String known = users.get(to.toLowerCase(java.util.Locale.ROOT));
                answer(
                        exchange,
                        200,
                        known != null
                                ? "{\"data\":{\"id\":\"" + known + "\",\"name\":\"" + to + "\",\"username\":\"" + to
                                        + "\"}}"
                                : "{\"errors\":[{\"value\":\"" + to
                                        + "\",\"detail\":\"Could not find user with username: ["
                                        + to
                                        + "].\",\"title\":\"Not Found Error\",\"resource_type\":\"user\",\"parameter\":"
                                        + "\"username\",\"resource_id\":\"" + to + "\",\"type\":"
                                        + "\"https://api.twitter.com/2/problems/resource-not-found\"}]}",
                        null);
                return;
            }
            String id = Long.toString(ids.incrementAndGet());
            answer(
                    exchange,
                    201,
                    kind.equals("tweet")
                            ? "{\"data\":{\"id\":\"" + id + "\",\"text\":\"" + "ok"
                                    + "\",\"edit_history_tweet_ids\":[\"" + id + "\"]}}"
                            : "{\"data\":{\"dm_conversation_id\":\"" + to + "-1\",\"dm_event_id\":\"" + id + "\"}}",
                    null);
        }
    }

    /**
     * X's v2 DM body takes {@code text} and {@code attachments} only (developer.x.com, "POST
     * /2/dm_conversations/with/:participant_id/messages"): anything else, such as a v1.1
     * {@code quick_reply}, is refused with 400, so that a body X would refuse cannot pass a test.
     */
    static boolean dmBodyAccepted(JsonNode body) {
        if (!body.isObject() || !(body.has("text") || body.has("attachments"))) {
            return false;
        }
        for (var property : body.properties()) {
            if (!DM_MEMBERS.contains(property.getKey())) {
                return false;
            }
        }
        return true;
    }

    /** The DM bodies refused with 400, in order. */
    List<Call> refused() {
        return List.copyOf(refused);
    }

    private static void answer(HttpExchange exchange, int status, String json, Failure failure) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.getResponseHeaders().add("x-rate-limit-limit", "200");
        exchange.getResponseHeaders()
                .add("x-rate-limit-remaining", failure != null && failure.status() == 429 ? "0" : "199");
        long reset = failure != null && failure.resetEpochSeconds() > 0
                ? failure.resetEpochSeconds()
                : Instant.now().plusSeconds(900).getEpochSecond();
        exchange.getResponseHeaders().add("x-rate-limit-reset", Long.toString(reset));
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
