package org.socialbank.billing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialbank.shared.CurrencyCode;
import org.socialbank.shared.ProviderAnswer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The account-bill switch over HTTP (docs/account-biller-protocol.md): JSON bodies POSTed to
 * {@code /inquiries}, {@code /payments} and {@code /payments/status}, each signed both ways with
 * HMAC-SHA256 over the exact body bytes ({@value #SIGNATURE} header, lowercase hex). An answer
 * unsigned, badly signed, late, 5xx or not in the protocol is "could not tell" (Unknown, or
 * {@link AccountBiller#UNAVAILABLE}); a 4xx means the switch refused the request and did nothing.
 * The payment's id is its idempotency key: a retry of the same id is answered the same.
 */
class HttpAccountBiller implements AccountBiller {

    static final String SIGNATURE = "X-Signature";
    static final int BODY_MAX = 16 * 1024;
    private static final String HMAC = "HmacSHA256";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Logger log = LoggerFactory.getLogger(HttpAccountBiller.class);

    private final URI base;
    private final byte[] secret;
    private final Duration timeout;
    private final HttpClient http;

    HttpAccountBiller(BillingProperties.AccountBillerSettings settings) {
        this.base = URI.create(settings.url().toString().replaceAll("/+$", "") + "/");
        this.secret = settings.secret().getBytes(StandardCharsets.UTF_8);
        this.timeout = settings.timeout();
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public Duration timeout() {
        return timeout;
    }

    @Override
    public Inquiry inquire(String billerId, String account) {
        ObjectNode body = JSON.createObjectNode().put("billerId", billerId).put("account", account);
        Optional<JsonNode> answer =
                post("inquiries", body).filter(a -> a.status() == 200).map(Answer::json);
        if (answer.isEmpty()) {
            return new NotDue(UNAVAILABLE);
        }
        JsonNode json = answer.get();
        try {
            if ("due".equals(json.path("status").asString())) {
                return new Due(
                        json.required("amountMinor").asLong(),
                        CurrencyCode.of(json.required("currency").asString()),
                        LocalDate.parse(json.required("dueDate").asString()),
                        json.required("holderMasked").asString());
            }
            if ("not_due".equals(json.path("status").asString())
                    && json.path("code").isString()) {
                return new NotDue(json.path("code").asString());
            }
        } catch (RuntimeException e) { // a field missing or out of its range: not the protocol
            log.warn(
                    "The account biller's inquiry answer is not in the protocol: {}",
                    e.getClass().getName());
        }
        return new NotDue(UNAVAILABLE);
    }

    @Override
    public ProviderAnswer pay(Order order) {
        ObjectNode body = JSON.createObjectNode()
                .put("id", order.id().toString())
                .put("billerId", order.billerId())
                .put("account", order.account())
                .put("amountMinor", order.amountMinor())
                .put("currency", order.currency().code());
        return providerAnswer(post("payments", body));
    }

    @Override
    public ProviderAnswer status(UUID paymentId) {
        Optional<Answer> answer =
                post("payments/status", JSON.createObjectNode().put("id", paymentId.toString()));
        if (answer.isPresent() && answer.get().status() != 200) {
            // Review 2026-12-07 billing follow-up: a refused status query (429, 400, 409...) says
            // nothing of the payment, which the switch may have paid; only a 200 "failed" is final.
            return new ProviderAnswer.Unknown("http_" + answer.get().status());
        }
        return providerAnswer(answer);
    }

    private record Answer(int status, JsonNode json) {}

    private static ProviderAnswer providerAnswer(Optional<Answer> answer) {
        if (answer.isEmpty()) {
            return new ProviderAnswer.Unknown("no_answer");
        }
        int status = answer.get().status();
        if (status >= 400 && status < 500) { // to /payments only: a signed 4xx did nothing (the protocol)
            return new ProviderAnswer.Failed("http_" + status);
        }
        JsonNode json = answer.get().json();
        String state = json.path("status").asString("");
        if (status == 200
                && state.equals("succeeded")
                && json.path("reference").isString()
                && !json.path("reference").asString().isBlank()) {
            return new ProviderAnswer.Succeeded(json.path("reference").asString());
        }
        if (status == 200
                && state.equals("failed")
                && json.path("reason").isString()
                && !json.path("reason").asString().isBlank()) {
            return new ProviderAnswer.Failed(json.path("reason").asString());
        }
        return new ProviderAnswer.Unknown(status == 200 ? "not_in_protocol" : "http_" + status);
    }

    /** One signed call; empty when it could not be told (no answer in time, a bad signature, not JSON). */
    private Optional<Answer> post(String path, ObjectNode body) {
        byte[] bytes = JSON.writeValueAsBytes(body);
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header(SIGNATURE, sign(secret, bytes))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                .build();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            byte[] answer = response.body();
            if (response.statusCode() >= 500) {
                return Optional.of(new Answer(response.statusCode(), JSON.createObjectNode()));
            }
            if (answer.length > BODY_MAX || !verified(answer, response.headers().firstValue(SIGNATURE))) {
                log.warn("The account biller's answer to {} is unsigned, badly signed or too long", path);
                return Optional.empty();
            }
            return Optional.of(new Answer(
                    response.statusCode(), answer.length == 0 ? JSON.createObjectNode() : JSON.readTree(answer)));
        } catch (IOException | JacksonException e) {
            log.warn(
                    "The account biller did not answer {}: {}",
                    path,
                    e.getClass().getName());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private boolean verified(byte[] body, Optional<String> signature) {
        return signature.isPresent()
                && MessageDigest.isEqual(
                        sign(secret, body).getBytes(StandardCharsets.US_ASCII),
                        signature
                                .get()
                                .trim()
                                .toLowerCase(java.util.Locale.ROOT)
                                .getBytes(StandardCharsets.US_ASCII));
    }

    /** HMAC-SHA256 of the body under the shared secret, lowercase hex. */
    static String sign(byte[] secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(secret, HMAC));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
        }
    }
}
