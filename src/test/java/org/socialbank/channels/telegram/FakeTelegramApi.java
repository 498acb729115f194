package org.socialbank.channels.telegram;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import org.socialbank.support.Await;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Bot API server for tests, speaking Telegram's envelope ({@code ok}, {@code result},
 * {@code error_code}, {@code description}, {@code parameters.retry_after}) at
 * {@code /bot<token>/<method>}: the methods the adapter calls, every call recorded with the time
 * of a given clock, and failures (429, 403, 5xx) injected per token and method. A person named
 * as one who never started a bot is refused by it as by the Bot API (a bot may not write first)
 * until they start it.
 */
public final class FakeTelegramApi implements AutoCloseable {

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** One call as received. */
    public record Call(String token, String method, JsonNode body, long nanos) {
        String chatId() {
            return body.path("chat_id").asString();
        }

        public String text() {
            return body.path("text").asString("");
        }
    }

    private final HttpServer server;
    private final LongSupplier nanos;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<String, Queue<String>> failures = new ConcurrentHashMap<>();
    private final Map<String, String> webhooks = new ConcurrentHashMap<>();
    private final Map<String, String> usernames = new ConcurrentHashMap<>();
    private final Map<String, Long> members = new ConcurrentHashMap<>();
    private final Map<String, Queue<JsonNode>> updates = new ConcurrentHashMap<>();
    private final java.util.Set<String> neverStarted = ConcurrentHashMap.newKeySet();

    public FakeTelegramApi() {
        this(System::nanoTime);
    }

    FakeTelegramApi(LongSupplier nanos) {
        this.nanos = nanos;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void username(String token, String username) {
        usernames.put(token, username);
    }

    /** A group's member count, as getChatMemberCount answers it (a chat never set: 400 chat not found). */
    public void members(String chatId, long count) {
        members.put(chatId, count);
    }

    /** The next call of {@code method} with {@code token} answers this envelope instead. */
    void fail(String token, String method, int code, String description, int retryAfter) {
        ObjectNode envelope =
                JSON.createObjectNode().put("ok", false).put("error_code", code).put("description", description);
        if (retryAfter > 0) {
            envelope.putObject("parameters").put("retry_after", retryAfter);
        }
        failures.computeIfAbsent(token + "/" + method, k -> new ArrayDeque<>()).add(JSON.writeValueAsString(envelope));
    }

    /**
     * The person never opened a private chat with the bot: whatever the bot sends them is refused
     * with the Bot API's 403 "Forbidden: bot can't initiate conversation with a user", until
     * {@link #started}. (Opt-in: the server does not see the updates tests post to the app.)
     */
    void neverStarted(String token, String userId) {
        neverStarted.add(token + "/" + userId);
    }

    /** The person pressed Start in the bot's private chat (the app sends {@code /start}): the bot may write to them. */
    void started(String token, String userId) {
        neverStarted.remove(token + "/" + userId);
    }

    /** An update that {@code getUpdates} hands out. */
    public void queueUpdate(String token, JsonNode update) {
        updates.computeIfAbsent(token, k -> new java.util.concurrent.ConcurrentLinkedQueue<>())
                .add(update);
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    public List<Call> calls(String token, String method) {
        return calls.stream()
                .filter(c -> c.token().equals(token) && c.method().equals(method))
                .toList();
    }

    public List<Call> sent(String token, String chatId) {
        return calls(token, "sendMessage").stream()
                .filter(c -> c.chatId().equals(chatId))
                .toList();
    }

    /** Waits (polling, with a deadline) until the calls satisfy the condition. */
    public List<Call> await(Predicate<List<Call>> condition, Duration within) {
        return Await.until(this::calls, condition, within, now -> {
            List<Call> recent =
                    now.stream().filter(c -> !c.method().equals("getUpdates")).toList();
            return "the fake Bot API to see what was expected; the last calls: "
                    + recent.subList(Math.max(0, recent.size() - 10), recent.size());
        });
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath(); // /bot<token>/<method>
            int slash = path.indexOf('/', 1);
            if (!path.startsWith("/bot") || slash < 0) {
                reply(exchange, 404, "{\"ok\":false,\"error_code\":404,\"description\":\"Not Found\"}");
                return;
            }
            String token = path.substring(4, slash);
            String method = path.substring(slash + 1);
            byte[] raw = exchange.getRequestBody().readAllBytes();
            JsonNode body = raw.length == 0 ? JSON.createObjectNode() : JSON.readTree(raw);
            calls.add(new Call(token, method, body, nanos.getAsLong()));
            Queue<String> injected = failures.get(token + "/" + method);
            String failure = injected == null ? null : injected.poll();
            if (failure != null) {
                reply(exchange, JSON.readTree(failure).path("error_code").asInt(), failure);
                return;
            }
            if (method.startsWith("send")
                    && neverStarted.contains(token + "/" + body.path("chat_id").asString(""))) {
                reply(
                        exchange,
                        403,
                        "{\"ok\":false,\"error_code\":403,"
                                + "\"description\":\"Forbidden: bot can't initiate conversation with a user\"}");
                return;
            }
            if (method.equals("getChatMemberCount")
                    && !members.containsKey(body.path("chat_id").asString(""))) {
                reply(
                        exchange,
                        400,
                        "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: chat not found\"}");
                return;
            }
            reply(
                    exchange,
                    200,
                    JSON.writeValueAsString(
                            JSON.createObjectNode().put("ok", true).set("result", result(token, method, body))));
        }
    }

    private JsonNode result(String token, String method, JsonNode body) {
        switch (method) {
            case "getMe":
                return JSON.createObjectNode()
                        .put("id", 1000 + Math.abs(token.hashCode() % 1000))
                        .put("is_bot", true)
                        .put("first_name", "Bank")
                        .put("username", usernames.getOrDefault(token, "bank_bot"));
            case "setWebhook":
                webhooks.put(token, body.path("url").asString(""));
                return JSON.booleanNode(true);
            case "deleteWebhook":
                webhooks.remove(token);
                return JSON.booleanNode(true);
            case "getWebhookInfo":
                return JSON.createObjectNode()
                        .put("url", webhooks.getOrDefault(token, ""))
                        .put("has_custom_certificate", false)
                        .put("pending_update_count", 0);
            case "getUpdates":
                return polled(token, body);
            case "getChatMemberCount":
                return tools.jackson.databind.node.JsonNodeFactory.instance.numberNode(
                        members.get(body.path("chat_id").asString("")).longValue());
            case "sendMessage":
                return JSON.createObjectNode()
                        .put("message_id", calls.size())
                        .put("date", 1_700_000_000)
                        .set(
                                "chat",
                                JSON.createObjectNode()
                                        .put("id", body.path("chat_id").asLong()));
            default:
                return JSON.booleanNode(true);
        }
    }

    private JsonNode polled(String token, JsonNode body) {
        long offset = body.path("offset").asLong(0);
        var out = JSON.createArrayNode();
        Queue<JsonNode> queue = updates.getOrDefault(token, new ArrayDeque<>());
        queue.removeIf(u -> u.path("update_id").asLong() < offset);
        queue.forEach(out::add);
        if (out.isEmpty()) {
            try {
                Thread.sleep(100); // a short long poll
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return out;
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
