package org.socialbank.channels.whatsapp;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.socialbank.support.Await;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Meta's Cloud API for tests, as documented: {@code POST /<version>/<phone-number-id>/messages}
 * with the Bearer token (else 401 with code 190), each message checked against Meta's limits (else
 * 400 with code 100: a rendering bug fails the test), templates only among the approved ones. An
 * accepted message answers {@code messages[0].id} and then its statuses are posted to the bank's
 * webhook, signed with the app secret, as Meta does: sent, delivered and read (read sometimes first,
 * and some twice), retried while the webhook does not answer 200. A free-form message to a user
 * whose 24-hour window is closed is accepted and then reported failed with 131047. The next call
 * may be made to fail with any code. Issue 17, 3.13: each approved template has its category; a
 * template registered but not approved (pending, rejected) is refused with 132001 as Meta answers;
 * a MARKETING template must carry its opt-out quick-reply payload (else 100, a limit broken);
 * one to a user at Meta's per-user marketing limit is accepted then reported failed with 131049,
 * and to a user who stopped marketing with 131050.
 */
final class FakeWhatsAppApi implements AutoCloseable {

    /** One message the bank sent and Meta accepted. */
    record Call(String to, String type, JsonNode body, String authorization, String wamid, Instant at) {

        /** The text the user reads first: a text's body, an interactive body, or the template's name. */
        String text() {
            return switch (type) {
                case "text" -> body.path("text").path("body").asString("");
                case "interactive" ->
                    body.path("interactive").path("body").path("text").asString("");
                case "template" ->
                    "template:" + body.path("template").path("name").asString("");
                default -> "";
            };
        }

        String interactiveType() {
            return body.path("interactive").path("type").asString("");
        }

        /** The reference of the reply button or list row with this title. */
        String reference(String title) {
            JsonNode interactive = body.path("interactive");
            for (JsonNode b : interactive.path("action").path("buttons")) {
                if (b.path("reply").path("title").asString("").equals(title)) {
                    return b.path("reply").path("id").asString();
                }
            }
            for (JsonNode section : interactive.path("action").path("sections")) {
                for (JsonNode row : section.path("rows")) {
                    if (row.path("title").asString("").equals(title)) {
                        return row.path("id").asString();
                    }
                }
            }
            throw new AssertionError("no button " + title + " in " + body);
        }
    }

    private record Failure(int status, int code, String message) {}

    private final HttpServer server;
    private final String version;
    private final String phoneNumberId;
    private final String token;
    private final String appSecret;
    /** Meta's titles of the failures the fake reports in statuses. */
    private static final Map<Integer, String> TITLES = Map.of(
            131047, "Re-engagement message",
            131049, "This message was not delivered to maintain healthy ecosystem engagement.",
            131050,
                    "Unable to deliver the message. This recipient has chosen to stop receiving marketing messages"
                            + " on WhatsApp from your business.");

    private final Map<String, String> approvedTemplates;
    private final Set<String> pendingTemplates = ConcurrentHashMap.newKeySet();
    /** Users at Meta's per-user marketing limit (131049), and users who stopped marketing (131050). */
    private final Map<String, Integer> marketingRefusals = new ConcurrentHashMap<>();

    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Queue<Failure> failures = new ConcurrentLinkedQueue<>();
    private final Map<String, Instant> windows = new ConcurrentHashMap<>();
    /** Users whose next message is taken and recorded, but answered only once its latch opens. */
    private final Map<String, java.util.concurrent.CountDownLatch> holds = new ConcurrentHashMap<>();

    private final AtomicLong ids = new AtomicLong(System.nanoTime());
    private final AtomicLong refused = new AtomicLong();
    private final ExecutorService webhooks = Executors.newFixedThreadPool(2);
    private final HttpClient http = HttpClient.newHttpClient();
    private volatile String webhookUrl;
    private volatile boolean statuses = true;

    FakeWhatsAppApi(
            String version, String phoneNumberId, String token, String appSecret, Set<String> approvedTemplates) {
        this(version, phoneNumberId, token, appSecret, utility(approvedTemplates));
    }

    /** {@code approvedTemplates}: each approved template's name and its category (UTILITY, MARKETING). */
    FakeWhatsAppApi(
            String version,
            String phoneNumberId,
            String token,
            String appSecret,
            Map<String, String> approvedTemplates) {
        this.version = version;
        this.phoneNumberId = phoneNumberId;
        this.token = token;
        this.appSecret = appSecret;
        this.approvedTemplates = Map.copyOf(approvedTemplates);
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

    private static Map<String, String> utility(Set<String> names) {
        Map<String, String> categories = new java.util.HashMap<>();
        names.forEach(n -> categories.put(n, "UTILITY"));
        return categories;
    }

    /** A template the bank names that Meta has not approved (pending, rejected): refused with 132001. */
    void pending(String name) {
        pendingTemplates.add(name);
    }

    /** Approved again (the test's clean-up). */
    void approved(String name) {
        pendingTemplates.remove(name);
    }

    /** Marketing templates to this user are accepted, then fail with {@code code} (131049 or 131050). */
    void refuseMarketing(String waId, int code) {
        marketingRefusals.put(waId, code);
    }

    /** Where the bank's webhook is; statuses are posted there. */
    void webhook(String url) {
        webhookUrl = url;
    }

    /** Whether accepted messages get statuses posted (on by default). */
    void statuses(boolean on) {
        statuses = on;
    }

    /** The user wrote to the business: their customer-service window is open for 24 hours. */
    void userWrote(String waId) {
        windows.put(waId, Instant.now());
    }

    /** The user's window ends now (as if 24 hours had passed). */
    void closeWindow(String waId) {
        windows.put(waId, Instant.now().minus(Duration.ofHours(25)));
    }

    /** The next call is refused with Meta's {@code code} and HTTP {@code status}. */
    void fail(int status, int code, String message) {
        failures.add(new Failure(status, code, message));
    }

    /**
     * The next message to this user is taken (its call and wamid recorded at once) and answered
     * only when the returned latch is counted down (at most 30 s): the bank's send is held between
     * Meta taking the message and the bank hearing so, with no status posted for it.
     */
    java.util.concurrent.CountDownLatch hold(String waId) {
        java.util.concurrent.CountDownLatch latch = new java.util.concurrent.CountDownLatch(1);
        holds.put(waId, latch);
        return latch;
    }

    /** Calls refused for breaking a documented limit (must stay 0). */
    long refusedForLimits() {
        return refused.get();
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    List<Call> to(String waId) {
        return calls.stream().filter(c -> c.to().equals(waId)).toList();
    }

    /** The message number {@code n} (from 1) sent to {@code waId}, once it came. */
    Call message(String waId, int n) {
        await(() -> to(waId).size() >= n, "message " + n + " to " + waId);
        return to(waId).get(n - 1);
    }

    void await(BooleanSupplier condition, String what) {
        Await.until(condition, Duration.ofSeconds(30), () -> what + "; calls: " + calls);
    }

    /** Posts a signed payload to the bank's webhook as Meta does, trying again (up to 5 times) until it answers 200. */
    int deliver(ObjectNode payload) {
        int status = 0;
        for (int attempt = 0; attempt < 5 && status != 200; attempt++) {
            if (attempt > 0) {
                sleep(100L << attempt);
            }
            status = post(Recorded.bytes(payload), WhatsAppSignatures.sign(appSecret, Recorded.bytes(payload)));
        }
        return status;
    }

    /** One post of {@code body} with this signature header (null: none). */
    int post(byte[] body, String signature) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(webhookUrl))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (signature != null) {
            request.header("X-Hub-Signature-256", signature);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (!exchange.getRequestMethod().equals("POST")
                    || !path.equals("/" + version + "/" + phoneNumberId + "/messages")) {
                answer(exchange, 400, error(100, "Unsupported post request. Object with ID does not exist"));
                return;
            }
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            if (!("Bearer " + token).equals(auth)) {
                answer(exchange, 401, error(190, "Error validating access token: Session has expired"));
                return;
            }
            Failure failure = failures.poll();
            if (failure != null) {
                answer(exchange, failure.status(), error(failure.code(), failure.message()));
                return;
            }
            JsonNode body = WhatsAppApi.JSON.readTree(exchange.getRequestBody().readAllBytes());
            String templateName = body.path("template").path("name").asString("");
            if (pendingTemplates.contains(templateName)) {
                answer(exchange, 404, error(132001, "(#132001) Template name does not exist in the translation"));
                return;
            }
            String problem = problem(body);
            if (problem != null) {
                refused.incrementAndGet();
                answer(exchange, 400, error(100, "(#100) Invalid parameter: " + problem));
                return;
            }
            String to = body.path("to").asString();
            String type = body.path("type").asString();
            String wamid = "wamid.FAKE" + ids.incrementAndGet();
            calls.add(new Call(to, type, body, auth, wamid, Instant.now()));
            java.util.concurrent.CountDownLatch hold = holds.remove(to);
            if (hold != null) {
                awaitOpen(hold);
                answer(exchange, 200, accepted(to, wamid));
                return; // a held message gets the statuses its test posts, no others
            }
            answer(exchange, 200, accepted(to, wamid));
            boolean outside = !type.equals("template") && !windowOpen(to);
            Integer refusal =
                    "MARKETING".equals(approvedTemplates.get(templateName)) ? marketingRefusals.get(to) : null;
            webhooks.submit(() -> {
                if (refusal != null) {
                    sleep(30);
                    deliver(statusPayload(wamid, to, "failed", refusal));
                } else {
                    report(wamid, to, outside);
                }
            });
        }
    }

    private static String accepted(String to, String wamid) {
        return "{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"" + to + "\",\"wa_id\":\"" + to
                + "\"}],\"messages\":[{\"id\":\"" + wamid + "\"}]}";
    }

    private static void awaitOpen(java.util.concurrent.CountDownLatch latch) {
        try {
            if (!latch.await(30, java.util.concurrent.TimeUnit.SECONDS)) {
                throw new IllegalStateException("a held message was never let go");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean windowOpen(String waId) {
        Instant wrote = windows.get(waId);
        return wrote != null && wrote.plus(Duration.ofHours(24)).isAfter(Instant.now());
    }

    /** The statuses Meta would post: failed (131047) outside the window, else sent, delivered and read. */
    private void report(String wamid, String to, boolean outsideWindow) {
        if (webhookUrl == null || (!statuses && !outsideWindow)) {
            return;
        }
        sleep(30);
        if (outsideWindow) {
            deliver(statusPayload(wamid, to, "failed", 131047));
            return;
        }
        long n = ids.get();
        List<String> order = new ArrayList<>(
                n % 3 == 0 ? List.of("sent", "read", "delivered") : List.of("sent", "delivered", "read"));
        if (n % 2 == 0) {
            order.add("delivered"); // a status delivered twice
        }
        for (String status : order) {
            deliver(statusPayload(wamid, to, status, 0));
        }
    }

    ObjectNode statusPayload(String wamid, String to, String status, int code) {
        ObjectNode payload = Recorded.payload(code == 0 ? "status-delivered" : "status-failed");
        ((ObjectNode) Recorded.value(payload).get("metadata")).put("phone_number_id", phoneNumberId);
        ObjectNode s = Recorded.status(payload);
        s.put("id", wamid)
                .put("status", status)
                .put("recipient_id", to)
                .put("timestamp", Long.toString(Instant.now().getEpochSecond()));
        if (code != 0) {
            ((ObjectNode) s.get("errors").get(0)).put("code", code).put("title", TITLES.getOrDefault(code, "Error"));
        }
        return payload;
    }

    /** What breaks one of Meta's documented limits, or null. */
    private String problem(JsonNode m) {
        if (!"whatsapp".equals(m.path("messaging_product").asString(""))
                || !m.path("to").asString("").matches("[0-9]{7,15}")) {
            return "messaging_product and to";
        }
        switch (m.path("type").asString("")) {
            case "text":
                return length(m.path("text").path("body"), 1, 4096, "text.body");
            case "template":
                return template(m.path("template"));
            case "interactive":
                return interactive(m.path("interactive"));
            default:
                return "type";
        }
    }

    private String template(JsonNode t) {
        String category = approvedTemplates.get(t.path("name").asString(""));
        if (category == null) {
            return "template name does not exist in the translation";
        }
        if (!category.equals("MARKETING")) {
            return null;
        }
        for (JsonNode c : t.path("components")) {
            if (c.path("type").asString("").equals("button")
                    && c.path("sub_type").asString("").equals("quick_reply")
                    && !c.path("parameters")
                            .path(0)
                            .path("payload")
                            .asString("")
                            .isEmpty()) {
                return null;
            }
        }
        return "a marketing template's opt-out quick-reply button needs its payload";
    }

    private static String interactive(JsonNode i) {
        String body = length(i.path("body").path("text"), 1, 1024, "interactive.body.text");
        if (body != null) {
            return body;
        }
        JsonNode action = i.path("action");
        switch (i.path("type").asString("")) {
            case "button": {
                JsonNode buttons = action.path("buttons");
                if (buttons.size() < 1 || buttons.size() > 3) {
                    return "buttons: 1 to 3";
                }
                Set<String> titles = new HashSet<>();
                for (JsonNode b : buttons) {
                    String t = length(b.path("reply").path("title"), 1, 20, "button title");
                    String id = length(b.path("reply").path("id"), 1, 256, "button id");
                    if (t != null
                            || id != null
                            || !titles.add(b.path("reply").path("title").asString())) {
                        return t != null ? t : id != null ? id : "button titles must be unique";
                    }
                }
                return null;
            }
            case "list": {
                String button = length(action.path("button"), 1, 20, "list button");
                int rows = 0;
                for (JsonNode section : action.path("sections")) {
                    for (JsonNode row : section.path("rows")) {
                        rows++;
                        String p = length(row.path("title"), 1, 24, "row title");
                        p = p != null ? p : length(row.path("id"), 1, 200, "row id");
                        p = p != null || !row.has("description")
                                ? p
                                : length(row.path("description"), 1, 72, "row description");
                        if (p != null) {
                            return p;
                        }
                    }
                }
                return button != null ? button : rows < 1 || rows > 10 ? "rows: 1 to 10" : null;
            }
            case "cta_url": {
                String text = length(action.path("parameters").path("display_text"), 1, 20, "display_text");
                String url = action.path("parameters").path("url").asString("");
                return text != null ? text : url.startsWith("https://") ? null : "url must be https";
            }
            default:
                return "interactive.type";
        }
    }

    private static String length(JsonNode text, int min, int max, String what) {
        String s = text.asString(null);
        int n = s == null ? -1 : s.codePointCount(0, s.length());
        return n < min || n > max ? what + " must be " + min + " to " + max + " characters" : null;
    }

    private static String error(int code, String message) {
        return "{\"error\":{\"message\":\"" + message.replace("\"", "'") + "\",\"type\":\"OAuthException\",\"code\":"
                + code + ",\"error_data\":{\"messaging_product\":\"whatsapp\",\"details\":\""
                + message.replace("\"", "'")
                + "\"},\"fbtrace_id\":\"AazX1Fh0c0bVyqYb2RFxZqL\"}}";
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        webhooks.shutdownNow();
    }
}
