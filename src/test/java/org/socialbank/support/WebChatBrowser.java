package org.socialbank.support;

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
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A browser on the bank's web chat page (`/chat`): its cookies, and the CSRF token of the last page
 * it read; it reads the chat's history as the page does, waiting (polling, never a fixed sleep)
 * for the bank's message it expects. {@code beforePoll} runs before each look (e.g. relaying the
 * outbox when the relay is off).
 */
public final class WebChatBrowser {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final int port;
    private final Runnable beforePoll;
    private String csrf;

    public WebChatBrowser(int port) {
        this(port, () -> {});
    }

    public WebChatBrowser(int port, Runnable beforePoll) {
        this.port = port;
        this.beforePoll = beforePoll;
    }

    public void open(String path) {
        Matcher m = CSRF.matcher(
                exchange(HttpRequest.newBuilder(uri(path)).GET().build()).body());
        if (m.find()) {
            csrf = m.group(1);
        }
    }

    public void post(String path, String... fields) {
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i + 1 < fields.length; i += 2) {
            pairs.add(fields[i] + "=" + URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
        }
        pairs.add("_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8));
        HttpResponse<String> response = exchange(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(String.join("&", pairs)))
                .build());
        assertThat(response.statusCode()).as(path + " " + response.body()).isLessThan(400);
        Matcher m = CSRF.matcher(response.body());
        if (m.find()) {
            csrf = m.group(1);
        }
    }

    /**
     * Links this visitor's chat as a customer does: asks in the chat ({@code words}), opens the
     * link it gets, signs in and types the SMS code ({@code code} reads it once it was sent).
     */
    public void link(String words, String username, String password, java.util.function.Supplier<String> code) {
        open("/chat");
        post("/chat/messages", "id", java.util.UUID.randomUUID().toString(), "text", words);
        String url =
                await(m -> m.path("kind").asString().equals("link")).path("url").asString();
        String page = url.substring(url.indexOf('/', "http://".length()));
        open(page);
        post(page, "username", username, "password", password);
        post(page + "/code", "code", code.get());
    }

    /** The newest bank message in the history that matches, waiting for the outbox relay to deliver it. */
    public JsonNode await(Predicate<JsonNode> wanted) {
        return poll(messages -> messages.stream().filter(wanted).reduce((a, b) -> b));
    }

    /** How many messages of the bank's the history holds now (a mark for {@link #awaitAfter}). */
    public int bankMessages() {
        return bank().size();
    }

    /** The first bank message after the first {@code seen} ones that matches, waiting for it. */
    public JsonNode awaitAfter(int seen, Predicate<JsonNode> wanted) {
        return poll(messages -> messages.stream().skip(seen).filter(wanted).findFirst());
    }

    private JsonNode poll(java.util.function.Function<List<JsonNode>, Optional<JsonNode>> pick) {
        return Await.until(
                        () -> {
                            beforePoll.run();
                            return pick.apply(bank());
                        },
                        Optional::isPresent,
                        Await.DEFAULT,
                        none -> "such a bank message in the web chat's history")
                .orElseThrow();
    }

    /** The bank's messages in the chat's history, oldest first. */
    private List<JsonNode> bank() {
        String body = exchange(
                        HttpRequest.newBuilder(uri("/chat/history")).GET().build())
                .body();
        return JSON.readTree(body)
                .path("messages")
                .valueStream()
                .filter(n -> n.path("from").asString().equals("bank"))
                .map(n -> n.path("message"))
                .toList();
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
