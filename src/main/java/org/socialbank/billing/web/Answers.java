package org.socialbank.billing.web;

import java.util.Optional;
import java.util.function.Function;
import org.socialbank.shared.CurrencyCode;
import org.socialbank.shared.web.BadRequest;
import org.socialbank.shared.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * What the billing API's controllers (bills, top-ups, card transfers) answer alike: a payment as
 * it is now or 404, an id used for another payment 409, a refusal 422, and how a body's channel
 * and currency are read.
 */
final class Answers {

    private Answers() {}

    /** The channel a payment came through: the body's, else the API. */
    static String channel(String channel) {
        return channel == null ? "api" : channel;
    }

    /** A currency the bank knows; another is a 400. */
    static CurrencyCode currency(String code) {
        return CurrencyCode.find(code).orElseThrow(() -> new BadRequest("unknown currency: " + code));
    }

    /** 200 with the payment as JSON, or 404 with {@code code} and {@code detail}. */
    static <T> ResponseEntity<?> found(Optional<T> payment, Function<T, ?> json, String code, String detail) {
        return payment.<ResponseEntity<?>>map(p -> ResponseEntity.ok(json.apply(p)))
                .orElseGet(() -> Problems.response(Problems.of(HttpStatus.NOT_FOUND, code, detail)));
    }

    /** 409: the id was used for a different payment of this kind ("top-up"); nothing was changed. */
    static ResponseEntity<?> idReused(String code, String payment) {
        return Problems.response(Problems.of(
                HttpStatus.CONFLICT,
                code,
                "This id was already used for a different " + payment + "; nothing was changed."));
    }

    /** 422 with the refusal's code. */
    static ResponseEntity<?> unprocessable(String code, String detail) {
        return Problems.response(Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, code, detail));
    }
}
