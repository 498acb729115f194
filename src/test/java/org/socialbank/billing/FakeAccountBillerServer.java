package org.socialbank.billing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.socialbank.billing.sandbox.SandboxAccountBiller;
import org.socialbank.shared.ProviderAnswer;
import org.springframework.test.context.DynamicPropertyRegistry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * An account-bill switch on a local port speaking docs/account-biller-protocol.md, for tests:
 * it checks each request's HMAC-SHA256 (401 unsigned or badly signed), answers from a sandbox
 * (deterministic bills, idempotent by payment id) and signs its answers. Its HMAC is computed here,
 * apart from the client's, so that a client signing anything else fails. Knobs: answer late, sign
 * wrongly, answer 503, answer status queries a signed 429, answer the status queries about one
 * payment a signed 200 that is not JSON.
 */
final class FakeAccountBillerServer implements AutoCloseable {

    static final String SECRET = "fake-account-biller-secret-0123456789abcdef";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    final SandboxAccountBiller sandbox;
    private final HttpServer server;
    private final AtomicLong delayMs = new AtomicLong();
    private final AtomicInteger badSignatures = new AtomicInteger();
    private final AtomicInteger unavailable = new AtomicInteger();
    private final AtomicInteger statusThrottled = new AtomicInteger();
    private final AtomicInteger unsignedRequests = new AtomicInteger();
    private final Map<UUID, AtomicInteger> payCalls = new ConcurrentHashMap<>();
    private final java.util.Set<UUID> garbled = ConcurrentHashMap.newKeySet();

    FakeAccountBillerServer(Clock clock) throws IOException {
        this.sandbox = new SandboxAccountBiller(clock, BillerRegistry.shipped());
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    private static FakeAccountBillerServer shared;

    /**
     * The switch the test classes share, started on first use and stopped when the test JVM exits:
     * a class of twins (H2, PostgreSQL) cannot stop it after its first class. Its knobs are the
     * classes' own to reset (each test uses its own payment ids).
     */
    static synchronized FakeAccountBillerServer shared() {
        if (shared == null) {
            FakeAccountBillerServer started = onLoopback();
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "fake-account-biller-stop"));
            shared = started;
        }
        return shared;
    }

    /** A switch on a free loopback port, its sandbox on the system clock. */
    static FakeAccountBillerServer onLoopback() {
        try {
            return new FakeAccountBillerServer(Clock.systemUTC());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bank's settings that point its account biller at this switch. */
    void register(DynamicPropertyRegistry registry) {
        registry.add("socialbank.billing.account-biller.url", () -> url().toString());
        registry.add("socialbank.billing.account-biller.secret", () -> SECRET);
        registry.add("socialbank.billing.account-biller.timeout", () -> "2s");
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/switch");
    }

    /** The next answers come this late. */
    void delay(long ms) {
        delayMs.set(ms);
    }

    /** The next {@code count} answers carry a wrong signature. */
    void signWrongly(int count) {
        badSignatures.set(count);
    }

    /** The next {@code count} requests are answered 503. */
    void unavailable(int count) {
        unavailable.set(count);
    }

    /** The next {@code count} status queries are answered a signed 429 (too many requests). */
    void throttleStatus(int count) {
        statusThrottled.set(count);
    }

    /** Status queries about {@code id} are answered a signed 200 whose body is not JSON, until {@code garble} is false. */
    void garbleStatus(UUID id, boolean garble) {
        if (garble) {
            garbled.add(id);
        } else {
            garbled.remove(id);
        }
    }

    /** Requests refused for their signature. */
    int unsignedRequests() {
        return unsignedRequests.get();
    }

    /** How many pay requests came with this id (retries included). */
    int payCalls(UUID id) {
        return payCalls.getOrDefault(id, new AtomicInteger()).get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readNBytes(64 * 1024);
            }
            String signature = exchange.getRequestHeaders().getFirst("X-Signature");
            if (!"POST".equals(exchange.getRequestMethod())
                    || signature == null
                    || !MessageDigest.isEqual(
                            hmac(body).getBytes(StandardCharsets.US_ASCII),
                            signature.getBytes(StandardCharsets.US_ASCII))) {
                unsignedRequests.incrementAndGet();
                respond(exchange, 401, JSON.createObjectNode().put("code", "bad_signature"));
                return;
            }
            if (unavailable.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                respond(exchange, 503, JSON.createObjectNode());
                return;
            }
            pause();
            JsonNode request = JSON.readTree(body);
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/switch/payments/status") && statusThrottled.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                respond(exchange, 429, JSON.createObjectNode().put("code", "too_many_requests"));
                return;
            }
            if (path.equals("/switch/payments/status")
                    && garbled.contains(UUID.fromString(request.path("id").asString()))) {
                respond(exchange, 200, "<html>Service temporarily fine</html>".getBytes(StandardCharsets.UTF_8));
                return;
            }
            ObjectNode answer = switch (path) {
                case "/switch/inquiries" -> inquiry(request);
                case "/switch/payments" -> pay(request);
                case "/switch/payments/status" ->
                    answer(sandbox.status(UUID.fromString(request.path("id").asString())));
                default -> null;
            };
            if (answer == null) {
                respond(exchange, 404, JSON.createObjectNode().put("code", "not_found"));
                return;
            }
            respond(exchange, 200, answer);
        }
    }

    private ObjectNode inquiry(JsonNode request) {
        AccountBiller.Inquiry inquiry = sandbox.inquire(
                request.path("billerId").asString(), request.path("account").asString());
        if (inquiry instanceof AccountBiller.Due due) {
            return JSON.createObjectNode()
                    .put("status", "due")
                    .put("amountMinor", due.amountMinor())
                    .put("currency", due.currency().code())
                    .put("dueDate", due.dueDate().toString())
                    .put("holderMasked", due.holderMasked());
        }
        return JSON.createObjectNode().put("status", "not_due").put("code", ((AccountBiller.NotDue) inquiry).code());
    }

    private ObjectNode pay(JsonNode request) {
        UUID id = UUID.fromString(request.path("id").asString());
        payCalls.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
        return answer(sandbox.pay(new AccountBiller.Order(
                id,
                request.path("billerId").asString(),
                request.path("account").asString(),
                request.path("amountMinor").asLong(),
                org.socialbank.shared.CurrencyCode.of(request.path("currency").asString()))));
    }

    private static ObjectNode answer(ProviderAnswer answer) {
        if (answer instanceof ProviderAnswer.Succeeded paid) {
            return JSON.createObjectNode().put("status", "succeeded").put("reference", paid.reference());
        }
        if (answer instanceof ProviderAnswer.Failed failed) {
            return JSON.createObjectNode().put("status", "failed").put("reason", failed.reason());
        }
        return JSON.createObjectNode().put("status", "unknown");
    }

    private void respond(HttpExchange exchange, int status, ObjectNode json) throws IOException {
        respond(exchange, status, JSON.writeValueAsBytes(json));
    }

    private void respond(HttpExchange exchange, int status, byte[] bytes) throws IOException {
        String signature = hmac(bytes);
        if (badSignatures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            signature = hmac("something else".getBytes(StandardCharsets.UTF_8));
        }
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.getResponseHeaders().add("X-Signature", signature);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private void pause() {
        long ms = delayMs.get();
        if (ms > 0) {
            try {
                Thread.sleep(ms); // the switch being slow is what is tested, not a wait of the test's
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static String hmac(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
