package org.socialbank.channels.whatsapp;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Calls {@code POST <api-base-url>/<version>/<phone-number-id>/messages} with the access token and
 * reads Meta's answer: {@code messages[0].id} (the wamid) on success, else the Graph error's
 * {@code code}, {@code error_subcode} and {@code message}.
 */
final class WhatsAppApi {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private static final int ANSWER_BYTES_MAX = 256 * 1024;

    private final HttpClient http;
    private final WhatsAppProperties settings;

    WhatsAppApi(HttpClient http, WhatsAppProperties settings) {
        this.http = http;
        this.settings = settings;
    }

    /** What one call came to. */
    sealed interface Answer {}

    /** Meta accepted the message; what becomes of it comes later as statuses. */
    record Accepted(String wamid) implements Answer {}

    /**
     * Meta said no.
     *
     * @param code the Graph error code (131047, 130429, 190...), or 0 when the answer had none
     */
    record Refused(int status, int code, String reason) implements Answer {}

    /** No answer; {@code maybeDelivered} when the request may have reached Meta. */
    record NoAnswer(boolean maybeDelivered, String reason) implements Answer {}

    Answer send(ObjectNode message) {
        HttpRequest request = HttpRequest.newBuilder(settings.messagesUri())
                .timeout(settings.requestTimeout())
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + settings.accessToken())
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(message)))
                .build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpConnectTimeoutException | ConnectException e) {
            return new NoAnswer(false, "no connection (" + e.getClass().getSimpleName() + ")");
        } catch (HttpTimeoutException e) {
            return new NoAnswer(
                    true, "timed out after " + settings.requestTimeout().toMillis() + " ms");
        } catch (IOException e) {
            return new NoAnswer(true, e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new NoAnswer(true, "interrupted");
        }
        return read(response.statusCode(), response.body());
    }

    static Answer read(int status, byte[] body) {
        JsonNode json = json(body);
        String wamid = json.path("messages").path(0).path("id").asString("");
        if (status / 100 == 2 && !wamid.isEmpty()) {
            return new Accepted(wamid);
        }
        if (status / 100 == 2) {
            // accepted without an id: it may go out, but its statuses can never be matched
            return new NoAnswer(true, "HTTP " + status + " without a message id");
        }
        JsonNode error = json.path("error");
        int code = error.path("code").asInt(0);
        String message = error.path("message").asString("");
        String details = error.path("error_data").path("details").asString("");
        return new Refused(
                status,
                code,
                "WhatsApp " + (code == 0 ? "HTTP " + status : "error " + code) + ": "
                        + bounded(message + (details.isEmpty() ? "" : " (" + details + ")")));
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
