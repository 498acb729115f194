package org.socialbank.console.listening.web;

import org.springframework.http.HttpStatus;

/** A console listening address asked for something malformed or missing: 400 or 404 problem+json with a code. */
final class BadListeningRequest extends RuntimeException {

    private final HttpStatus status;
    private final String code;

    private BadListeningRequest(HttpStatus status, String code, String detail) {
        super(detail);
        this.status = status;
        this.code = code;
    }

    static BadListeningRequest invalid(String detail) {
        return new BadListeningRequest(HttpStatus.BAD_REQUEST, "invalid_request", detail);
    }

    static BadListeningRequest notFound(String code, String detail) {
        return new BadListeningRequest(HttpStatus.NOT_FOUND, code, detail);
    }

    HttpStatus status() {
        return status;
    }

    String code() {
        return code;
    }
}
