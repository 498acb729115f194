package org.socialbank.channels.wechat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls WeChat's API over HTTP and classifies its answer. WeChat answers HTTP 200 with an
 * {@code errcode} for its own "no"; a 5xx or a refused connection is worth another try later, a
 * timeout after the request left may or may not have had its effect.
 */
public class WeChatApi {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int BODY_MAX = 64 * 1024;
    /** The longest answer text {@link #describe} gives a log line. */
    private static final int DESCRIPTION_MAX = 200;

    private final HttpClient client;
    private final String base;
    private final Duration timeout;

    public WeChatApi(WeChatProperties properties) {
        this.base = properties.apiBaseUrl().toString().replaceAll("/+$", "");
        this.timeout = properties.httpTimeout();
        this.client = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** WeChat's answer to one call. */
    public sealed interface Answer permits Ok, Refused, Unavailable, Lost {}

    /** WeChat said yes; the body may carry a token, so the text of an {@code Ok} never shows it. */
    public record Ok(JsonNode body) implements Answer {
        @Override
        public String toString() {
            return "Ok[body of " + (body == null ? 0 : body.size()) + " fields, not shown]";
        }
    }

    /** WeChat said no: {@code errcode} is its documented code (40001 token invalid, 45015 window closed, ...). */
    public record Refused(int errcode, String errmsg) implements Answer {}

    /** Not reached, or a 5xx: nothing happened, trying later is safe. */
    public record Unavailable(String reason) implements Answer {}

    /** Sent, but no answer came: it may have had its effect. */
    public record Lost(String reason) implements Answer {}

    /** A new access token and its lifetime in seconds; its text never shows the token. */
    public record Token(String value, long expiresInSeconds) {
        @Override
        public String toString() {
            return "Token[value not shown, expiresInSeconds=" + expiresInSeconds + "]";
        }
    }

    /** An answer for a log line: its kind and errcode or reason, bounded; never an {@code Ok}'s body. */
    static String describe(Answer answer) {
        String text = "ok, body not shown";
        if (answer instanceof Refused refused) {
            text = "refused, errcode " + refused.errcode() + ": " + refused.errmsg();
        } else if (answer instanceof Unavailable unavailable) {
            text = "unavailable: " + unavailable.reason();
        } else if (answer instanceof Lost lost) {
            text = "lost: " + lost.reason();
        }
        return text.length() <= DESCRIPTION_MAX ? text : text.substring(0, DESCRIPTION_MAX) + "...";
    }

    public Answer fetchToken(String appId, String secret) {
        return call(HttpRequest.newBuilder(URI.create(base + "/cgi-bin/token?grant_type=client_credential&appid="
                        + enc(appId) + "&secret=" + enc(secret)))
                .GET());
    }

    /**
     * Exchanges the {@code code} of a web authorisation for its answer, whose {@code openid} is the
     * WeChat user who opened the link (the web access token it also carries is not used).
     */
    public Answer exchangeCode(String appId, String secret, String code) {
        return call(HttpRequest.newBuilder(URI.create(base + "/sns/oauth2/access_token?appid=" + enc(appId) + "&secret="
                        + enc(secret) + "&code=" + enc(code) + "&grant_type=authorization_code"))
                .GET());
    }

    /** Reads a token answer; empty values are refused. */
    public static java.util.Optional<Token> token(Ok ok) {
        String value = ok.body().path("access_token").asString("");
        long expiresIn = ok.body().path("expires_in").asLong(0);
        return value.isEmpty() || value.length() > 1024 || expiresIn <= 0
                ? java.util.Optional.empty()
                : java.util.Optional.of(new Token(value, expiresIn));
    }

    /** POSTs JSON to a path of the API with the access token. */
    public Answer post(String path, String accessToken, String json) {
        return call(HttpRequest.newBuilder(URI.create(base + path + "?access_token=" + enc(accessToken)))
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    private Answer call(HttpRequest.Builder request) {
        HttpResponse<String> response;
        try {
            response = client.send(request.timeout(timeout).build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpConnectTimeoutException | ConnectException e) {
            return new Unavailable("not reached: " + e.getClass().getSimpleName());
        } catch (IOException e) {
            return new Lost("no answer: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Lost("interrupted");
        }
        if (response.statusCode() >= 500 || response.statusCode() == 429) {
            return new Unavailable("HTTP " + response.statusCode());
        }
        if (response.statusCode() != 200 || response.body().length() > BODY_MAX) {
            return new Refused(-response.statusCode(), "HTTP " + response.statusCode());
        }
        try {
            JsonNode body = JSON.readTree(response.body());
            int errcode = body.path("errcode").asInt(0);
            if (errcode == -1) {
                return new Unavailable("errcode -1: system busy");
            }
            return errcode == 0
                    ? new Ok(body)
                    : new Refused(errcode, body.path("errmsg").asString(""));
        } catch (JacksonException e) {
            return new Refused(-200, "not JSON");
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
