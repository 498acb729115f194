package org.socialbank.channels.x;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.socialbank.conversation.ChannelSender;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Calls X API v2 as the bank's account: a post ({@code POST /2/tweets}), a direct message
 * ({@code POST /2/dm_conversations/with/<participant>/messages}) and the lookup of a user by
 * handle ({@code GET /2/users/by/username/<username>}), signed with OAuth 1.0a (else a bearer
 * token). Honours the rate-limit headers per endpoint: a 429, or a success that leaves no
 * calls in the window, pauses that endpoint until {@code x-rate-limit-reset}; calls meanwhile are
 * not made.
 */
final class XApi {

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** Without a reset header, a 429 pauses this long. */
    static final long DEFAULT_PAUSE_SECONDS = 60;
    /** A reset further away than this is not believed. */
    static final long PAUSE_SECONDS_MAX = 15 * 60;

    private static final int ANSWER_BYTES_MAX = 1024 * 1024;

    private final HttpClient http;
    private final XProperties settings;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Instant> pausedUntil = new ConcurrentHashMap<>();

    XApi(HttpClient http, XProperties settings, Clock clock) {
        this.http = http;
        this.settings = settings;
        this.clock = clock;
    }

    /** What one call came to. */
    sealed interface Answer {}

    record Ok(JsonNode body) implements Answer {}

    record Refused(int status, String reason) implements Answer {}

    /** Not called: the endpoint waits for its rate-limit window to reset. */
    record Paused(Instant until) implements Answer {}

    /** No answer; {@code maybeDelivered} when the request may have reached X. */
    record NoAnswer(boolean maybeDelivered, String reason) implements Answer {}

    /**
     * The longest one {@link #post} can take: a call is tried again at once only when it could not
     * connect, which takes at most the client's connect timeout, so the last try alone may take the
     * whole {@code request-timeout}.
     */
    ChannelSender.SendDurationMax callDurationMax() {
        Duration timeout = settings.requestTimeout();
        Duration connect =
                http.connectTimeout().filter(c -> c.compareTo(timeout) < 0).orElse(timeout);
        return new ChannelSender.SendDurationMax(
                connect.multipliedBy(settings.retriesMax()).plus(timeout),
                "socialbank.channels.x.retries-max x the connect timeout (" + connect
                        + ") + socialbank.channels.x.request-timeout");
    }

    Answer reply(String tweetId, String text) {
        ObjectNode body = JSON.createObjectNode().put("text", text);
        body.putObject("reply").put("in_reply_to_tweet_id", tweetId);
        return post("tweets", "/2/tweets", body);
    }

    Answer directMessage(String participantId, ObjectNode body) {
        return post("dm", "/2/dm_conversations/with/" + participantId + "/messages", body);
    }

    /** The account that holds a handle now; X answers 200 with an {@code errors} array when there is none. */
    Answer userByUsername(String username) {
        return send("users", "GET", "/2/users/by/username/" + username, null);
    }

    Answer post(String endpoint, String path, ObjectNode body) {
        return send(endpoint, "POST", path, body);
    }

    private Answer send(String endpoint, String method, String path, ObjectNode body) {
        Instant until = pausedUntil.get(endpoint);
        if (until != null && clock.instant().isBefore(until)) {
            return new Paused(until);
        }
        URI uri = URI.create(settings.apiBaseUrl().toString().replaceAll("/+$", "") + path);
        Answer answer = null;
        for (int attempt = 0; attempt <= settings.retriesMax(); attempt++) {
            answer = call(endpoint, method, uri, body);
            if (!(answer instanceof NoAnswer none) || none.maybeDelivered()) {
                break; // only a call that never connected is tried again at once
            }
        }
        return answer;
    }

    private Answer call(String endpoint, String method, URI uri, ObjectNode body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .timeout(settings.requestTimeout())
                .header("Authorization", authorization(method, uri));
        HttpRequest request = body == null
                ? builder.GET().build()
                : builder.header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                        .build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpConnectTimeoutException | ConnectException e) {
            return new NoAnswer(
                    false, endpoint + ": no connection (" + e.getClass().getSimpleName() + ")");
        } catch (HttpTimeoutException e) {
            return new NoAnswer(
                    true,
                    endpoint + ": timed out after " + settings.requestTimeout().toMillis() + " ms");
        } catch (IOException e) {
            return new NoAnswer(true, endpoint + ": " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new NoAnswer(true, endpoint + ": interrupted");
        }
        return read(endpoint, response);
    }

    private Answer read(String endpoint, HttpResponse<byte[]> response) {
        int status = response.statusCode();
        long remaining =
                response.headers().firstValueAsLong("x-rate-limit-remaining").orElse(-1);
        long reset = response.headers().firstValueAsLong("x-rate-limit-reset").orElse(-1);
        if (status == 429 || (status / 100 == 2 && remaining == 0)) {
            pause(endpoint, reset);
        }
        if (status / 100 == 2) {
            return new Ok(json(response.body()));
        }
        JsonNode problem = json(response.body());
        String detail = problem.path("detail").asString(problem.path("title").asString(""));
        return new Refused(status, endpoint + ": HTTP " + status + (detail.isEmpty() ? "" : " " + bounded(detail)));
    }

    /** Until the window's reset (epoch seconds), within bounds; a default pause without one. */
    void pause(String endpoint, long resetEpochSeconds) {
        long now = clock.instant().getEpochSecond();
        long seconds =
                resetEpochSeconds > now ? Math.min(resetEpochSeconds - now, PAUSE_SECONDS_MAX) : DEFAULT_PAUSE_SECONDS;
        pausedUntil.put(endpoint, Instant.ofEpochSecond(now + seconds));
    }

    private String authorization(String method, URI uri) {
        if (!settings.oauth1()) {
            return "Bearer " + settings.bearerToken();
        }
        byte[] nonce = new byte[24];
        random.nextBytes(nonce);
        OAuth1.Credentials credentials = new OAuth1.Credentials(
                settings.consumerKey(),
                settings.consumerSecret(),
                settings.accessToken(),
                settings.accessTokenSecret());
        // a JSON body is not part of the signature (RFC 5849 3.4.1.3 signs form bodies only)
        return OAuth1.authorization(
                credentials,
                method,
                uri,
                List.of(),
                Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(nonce)
                        .replace("-", "a")
                        .replace("_", "b"),
                clock.instant().getEpochSecond());
    }

    private static JsonNode json(byte[] body) {
        try {
            return body.length == 0 || body.length > ANSWER_BYTES_MAX ? JSON.createObjectNode() : JSON.readTree(body);
        } catch (JacksonException e) {
            return JSON.createObjectNode(); // a proxy's error page: the status alone decides
        }
    }

    private static String bounded(String text) {
        String clean = text.replaceAll("\\p{Cntrl}", " ");
        return clean.length() > 200 ? clean.substring(0, 200) : clean;
    }
}
