package org.socialbank.channels.telegram;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Calls one bot's Bot API methods ({@code POST <base>/bot<token>/<method>} with a JSON body) and
 * reads Telegram's envelope: {@code ok}, {@code result}, {@code error_code}, {@code description},
 * {@code parameters.retry_after}. Bale answers in the same shape.
 */
final class TelegramApi {

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** A Bot API answer is small; a larger one is not read (getUpdates asks for at most 100 updates). */
    private static final int ANSWER_BYTES_MAX = 4 * 1024 * 1024;

    private final HttpClient http;
    private final String base;
    private final Duration timeout;

    TelegramApi(HttpClient http, String apiBaseUrl, String token, Duration timeout) {
        this.http = http;
        this.base = apiBaseUrl + "/bot" + token + "/";
        this.timeout = timeout;
    }

    /** What one call came to. */
    sealed interface Answer {}

    record Ok(JsonNode result) implements Answer {}

    /** The platform said no; {@code retryAfterSeconds} is 0 unless it asked us to wait (429). */
    record Refused(int status, String description, int retryAfterSeconds) implements Answer {

        /**
         * The person's private chat does not take the bot's messages: they blocked the bot ("bot
         * was blocked by the user"), never opened a chat with it ("bot can't initiate conversation
         * with a user": a bot may not write first), or their account is gone ("user is
         * deactivated"). A private message of theirs opens it again; a group's 403 is none of these.
         */
        boolean privateChatShut() {
            if (status != 403) {
                return false;
            }
            String said = description.toLowerCase(java.util.Locale.ROOT);
            return said.contains("blocked by the user")
                    || said.contains("can't initiate conversation")
                    || said.contains("user is deactivated");
        }
    }

    /**
     * No answer. {@code maybeDelivered} when the request may have reached the platform (a timeout
     * after it was written); false when the connection was never made.
     */
    record NoAnswer(boolean maybeDelivered, String reason) implements Answer {}

    Answer call(String method, ObjectNode parameters) {
        return call(method, parameters, timeout);
    }

    Answer call(String method, ObjectNode parameters, Duration callTimeout) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + method))
                .timeout(callTimeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(parameters)))
                .build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpConnectTimeoutException | ConnectException e) {
            return new NoAnswer(
                    false, method + ": no connection (" + e.getClass().getSimpleName() + ")");
        } catch (HttpTimeoutException e) {
            return new NoAnswer(true, method + ": timed out after " + callTimeout.toMillis() + " ms");
        } catch (IOException e) {
            return new NoAnswer(true, method + ": " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new NoAnswer(true, method + ": interrupted");
        }
        return read(method, response.statusCode(), response.body());
    }

    static Answer read(String method, int status, byte[] body) {
        JsonNode envelope;
        try {
            envelope = body.length > ANSWER_BYTES_MAX ? null : JSON.readTree(body);
        } catch (JacksonException e) {
            envelope = null;
        }
        if (envelope == null || !envelope.isObject()) {
            // a proxy's error page, or nothing: the status alone says whether to try again
            return new Refused(status, method + ": HTTP " + status + " without a Bot API answer", 0);
        }
        if (envelope.path("ok").asBoolean(false)) {
            return new Ok(envelope.path("result"));
        }
        int code = envelope.path("error_code").asInt(status);
        String description = envelope.path("description").asString("");
        int retryAfter = envelope.path("parameters").path("retry_after").asInt(0);
        return new Refused(code, method + ": " + code + " " + bounded(description), Math.max(0, retryAfter));
    }

    private static String bounded(String text) {
        String clean = text.replaceAll("\\p{Cntrl}", " ");
        return clean.length() > 200 ? clean.substring(0, 200) : clean;
    }
}
