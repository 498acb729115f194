package org.socialbank.channels.x.web;

import java.util.Map;
import org.socialbank.channels.web.WebhookRefusals;
import org.socialbank.channels.x.XInbox;
import org.socialbank.channels.x.XInbox.Delivery;
import org.socialbank.shared.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * X's Account Activity webhook: {@code GET /webhooks/x?crc_token=...} answers the challenge X
 * sends on registration and then periodically; {@code POST /webhooks/x} takes events, read only
 * once the {@code x-twitter-webhooks-signature} header proved the body (bounded by the
 * application's request size limit). X retries on anything but 2xx, so events the bank does not
 * answer get 200 too.
 */
@RestController
class XWebhook {

    static final String SIGNATURE_HEADER = "x-twitter-webhooks-signature";

    private final XInbox inbox;

    XWebhook(XInbox inbox) {
        this.inbox = inbox;
    }

    @GetMapping(path = "/webhooks/x", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Object> crc(@RequestParam(name = "crc_token", required = false) String crcToken) {
        if (crcToken == null || crcToken.isEmpty()) {
            return Problems.response(
                    Problems.of(HttpStatus.BAD_REQUEST, "missing_crc_token", "The crc_token parameter is required."));
        }
        XInbox.Challenge challenge = inbox.crc(crcToken);
        if (challenge instanceof XInbox.Answered answered) {
            return ResponseEntity.ok(Map.of("response_token", answered.responseToken()));
        }
        if (challenge instanceof XInbox.Refused) { // security review #1: never sign what could be a body
            return Problems.response(Problems.of(
                    HttpStatus.BAD_REQUEST,
                    "invalid_crc_token",
                    "The crc_token is not shaped like X's: 1 to 128 characters of A-Z a-z 0-9 + / = _ -."));
        }
        return off();
    }

    @PostMapping("/webhooks/x")
    ResponseEntity<Object> events(
            @RequestHeader(name = SIGNATURE_HEADER, required = false) String signature,
            @RequestBody(required = false) byte[] body) {
        Delivery delivery = inbox.deliver(signature, body == null ? new byte[0] : body);
        if (delivery == Delivery.OFF) {
            return off();
        }
        if (delivery == Delivery.BAD_SIGNATURE) {
            return WebhookRefusals.badSignature(SIGNATURE_HEADER);
        }
        if (delivery == Delivery.MALFORMED) {
            return WebhookRefusals.malformed("an Account Activity event");
        }
        if (delivery == Delivery.RETRY_LATER) { // X posts again; the events handled meanwhile are skipped then
            return Problems.response(Problems.of(
                    HttpStatus.SERVICE_UNAVAILABLE, "try_again", "Some events could not be stored; post them again."));
        }
        return ResponseEntity.ok().build();
    }

    private static ResponseEntity<Object> off() {
        return WebhookRefusals.notConfigured("x", "X");
    }
}
