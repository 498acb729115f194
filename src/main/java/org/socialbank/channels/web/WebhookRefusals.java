package org.socialbank.channels.web;

import org.socialbank.shared.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The refusals every signed webhook (X, WhatsApp) answers alike, in problem+json: a signature that
 * does not prove the body, a body that is not the platform's payload, a channel not configured.
 * What the platform expects beyond these stays in its own controller (ADR 0015).
 */
public final class WebhookRefusals {

    private WebhookRefusals() {}

    /** 401 {@code bad_signature}: the header is missing or does not match the body. */
    public static ResponseEntity<Object> badSignature(String header) {
        return Problems.response(Problems.of(
                HttpStatus.UNAUTHORIZED,
                "bad_signature",
                "The " + header + " header is missing or does not match the body."));
    }

    /** 400 {@code malformed_event}: "The body is not {@code payload}." */
    public static ResponseEntity<Object> malformed(String payload) {
        return Problems.response(
                Problems.of(HttpStatus.BAD_REQUEST, "malformed_event", "The body is not " + payload + "."));
    }

    /** 404 {@code <network>_not_configured}. */
    public static ResponseEntity<Object> notConfigured(String network, String name) {
        return Problems.response(Problems.of(
                HttpStatus.NOT_FOUND,
                network + "_not_configured",
                "The " + name + " channel is not configured on this bank."));
    }
}
