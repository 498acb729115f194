package org.socialbank.channels.wechat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.socialbank.support.Await;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * WeChat's API as far as the bank uses it, on a random local port: tokens, customer-service and
 * template messages, the menu, and web authorisation (the page {@code /connect/oauth2/authorize},
 * whose browser user a test names in the {@value #BROWSER_USER} header, and the code exchange
 * {@code /sns/oauth2/access_token}: a code works once). Tests inject faults per path (an errcode,
 * or 500) and read what was sent. Issue 17, 3.13: {@code message/mass/send} to an OpenID list as
 * documented: 2 to 10,000 OpenIDs (else 40130), a text of 1 to 2,048 characters; it answers
 * {@code msg_id} and {@code msg_data_id}; a follower who already received 4 mass messages this
 * month is filtered out (a service account's quota), and {@link #massJob} gives the counts its
 * {@code MASSSENDJOBFINISH} event reports.
 */
public final class FakeWeChatApi implements AutoCloseable {

    static final JsonMapper JSON = JsonMapper.builder().build();
    /** The OpenID of the WeChat user whose browser asks for the authorisation page. */
    static final String BROWSER_USER = "X-Fake-WeChat-User";

    static final String AUTHORIZE = "/connect/oauth2/authorize";
    static final String CODE_EXCHANGE = "/sns/oauth2/access_token";

    /** One call the bank made. */
    public record Call(String path, String appId, String token, JsonNode body) {}

    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<Integer>> faults = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> issued = new ConcurrentHashMap<>();
    private final Map<String, String> codes = new ConcurrentHashMap<>();
    private final AtomicInteger codesIssued = new AtomicInteger();
    private volatile Duration tokenDelay = Duration.ZERO;
    /** AppIds whose tokens come with {@code expires_in} 0, which the bank cannot use. */
    private final java.util.Set<String> lifeless = ConcurrentHashMap.newKeySet();
    /** Mass messages each follower received (the fake's month), and each job's counts by msg_id. */
    private final Map<String, AtomicInteger> massReceived = new ConcurrentHashMap<>();

    private final Map<Long, MassJob> massJobs = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong massIds =
            new java.util.concurrent.atomic.AtomicLong(1_000_000_000L);

    /** What a mass send's MASSSENDJOBFINISH reports: WeChat's status and counts. */
    record MassJob(
            long msgId, List<String> to, String text, String status, int total, int filtered, int sent, int errors) {}

    static final String MASS_SEND = "/cgi-bin/message/mass/send";
    static final int MONTHLY_MASS_MAX = 4;

    public FakeWeChatApi() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The next call to {@code path} fails with this errcode, or HTTP 500 for {@code 500}. */
    void fail(String path, int errcodeOr500) {
        faults.computeIfAbsent(path, p -> new ArrayDeque<>()).add(errcodeOr500);
    }

    void tokenDelay(Duration delay) {
        tokenDelay = delay;
    }

    /** From now on this AppId's tokens come without a lifetime ({@code expires_in} 0). */
    void tokensWithoutLifetime(String appId) {
        lifeless.add(appId);
    }

    int tokensIssued(String appId) {
        return issued.getOrDefault(appId, new AtomicInteger()).get();
    }

    public List<Call> calls(String path) {
        return calls.stream().filter(c -> c.path().equals(path)).toList();
    }

    /** Waits (bounded) for a call to the path matching the predicate. */
    public Call await(String path, Predicate<Call> wanted) {
        return Await.until(
                        () -> calls(path).stream().filter(wanted).findFirst(),
                        java.util.Optional::isPresent,
                        Duration.ofSeconds(20),
                        none -> "a call to " + path + " as wanted; calls: " + calls)
                .orElseThrow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        byte[] body = exchange.getRequestBody().readAllBytes();
        Deque<Integer> pending = faults.get(path);
        Integer fault;
        synchronized (this) {
            fault = pending == null ? null : pending.poll();
        }
        if ("/cgi-bin/token".equals(path)) {
            sleep(tokenDelay.toMillis());
        }
        if (AUTHORIZE.equals(path)) {
            authorize(exchange, query);
            return;
        }
        JsonNode json = body.length == 0 ? JSON.createObjectNode() : JSON.readTree(body);
        calls.add(new Call(path, query.get("appid"), query.get("access_token"), json));
        if (fault != null && fault == 500) {
            answer(exchange, 500, "{}");
        } else if (fault != null) {
            answer(exchange, 200, "{\"errcode\":" + fault + ",\"errmsg\":\"injected\"}");
        } else if (CODE_EXCHANGE.equals(path)) {
            String openId = codes.remove(query.getOrDefault("code", ""));
            answer(
                    exchange,
                    200,
                    openId == null
                            ? "{\"errcode\":40029,\"errmsg\":\"invalid code\"}"
                            : "{\"access_token\":\"web-token\",\"expires_in\":7200,\"refresh_token\":\"r\",\"openid\":\""
                                    + openId + "\",\"scope\":\"snsapi_base\"}");
        } else if (MASS_SEND.equals(path)) {
            answer(exchange, 200, massSend(json));
        } else if ("/cgi-bin/token".equals(path)) {
            int n = issued.computeIfAbsent(query.get("appid"), a -> new AtomicInteger())
                    .incrementAndGet();
            answer(
                    exchange,
                    200,
                    "{\"access_token\":\"token-" + query.get("appid") + "-" + n + "\",\"expires_in\":"
                            + (lifeless.contains(query.get("appid")) ? 0 : 7200) + "}");
        } else {
            answer(exchange, 200, "{\"errcode\":0,\"errmsg\":\"ok\"}");
        }
    }

    /** The counts of a mass send WeChat took, as its MASSSENDJOBFINISH event says them. */
    MassJob massJob(long msgId) {
        return massJobs.get(msgId);
    }

    /** A follower who already received {@code n} mass messages this month. */
    void massReceived(String openId, int n) {
        massReceived.computeIfAbsent(openId, o -> new AtomicInteger()).set(n);
    }

    private String massSend(JsonNode body) {
        JsonNode to = body.path("touser");
        if (!to.isArray() || to.size() < 2 || to.size() > 10_000) {
            return "{\"errcode\":40130,\"errmsg\":\"invalid openid list size, at least two openid\"}";
        }
        String text = body.path("text").path("content").asString("");
        if (!"text".equals(body.path("msgtype").asString("")) || text.isEmpty() || text.length() > 2_048) {
            return "{\"errcode\":45002,\"errmsg\":\"content size out of limit\"}";
        }
        List<String> openIds = new java.util.ArrayList<>();
        int sent = 0;
        for (JsonNode openId : to) {
            openIds.add(openId.asString());
            if (massReceived
                            .computeIfAbsent(openId.asString(), o -> new AtomicInteger())
                            .incrementAndGet()
                    <= MONTHLY_MASS_MAX) {
                sent++;
            }
        }
        long msgId = massIds.incrementAndGet();
        int filtered = openIds.size() - sent;
        massJobs.put(
                msgId,
                new MassJob(
                        msgId,
                        openIds,
                        text,
                        sent == 0 ? "send fail" : "send success",
                        openIds.size(),
                        filtered,
                        sent,
                        0));
        return "{\"errcode\":0,\"errmsg\":\"send job submission success\",\"msg_id\":" + msgId + ",\"msg_data_id\":"
                + (msgId + 1) + "}";
    }

    /** As WeChat's page does for snsapi_base: no question, straight back to redirect_uri with a code. */
    private void authorize(HttpExchange exchange, Map<String, String> query) throws IOException {
        String user = exchange.getRequestHeaders().getFirst(BROWSER_USER);
        calls.add(new Call(AUTHORIZE, query.get("appid"), null, JSON.valueToTree(query)));
        if (user == null
                || !"code".equals(query.get("response_type"))
                || !"snsapi_base".equals(query.get("scope"))
                || query.get("redirect_uri") == null) {
            answer(exchange, 400, "{\"errcode\":10010,\"errmsg\":\"bad request\"}");
            return;
        }
        String code = "code" + codesIssued.incrementAndGet();
        codes.put(code, user);
        String redirect = query.get("redirect_uri");
        exchange.getResponseHeaders()
                .set(
                        "Location",
                        redirect + (redirect.contains("?") ? "&" : "?") + "code="
                                + code + "&state="
                                + java.net.URLEncoder.encode(query.getOrDefault("state", ""), StandardCharsets.UTF_8));
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    query.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return query;
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
    }
}
