package org.socialbank.channels.whatsapp.web;

import org.socialbank.channels.web.WebhookRefusals;
import org.socialbank.channels.whatsapp.WhatsAppInbox;
import org.socialbank.channels.whatsapp.WhatsAppInbox.Delivery;
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
 * Meta's webhook for the WhatsApp Business Account: {@code GET /webhooks/whatsapp} answers the
 * verification request ({@code hub.mode=subscribe}, the verify token, the challenge echoed as plain
 * text), {@code POST} takes events, read only once {@code X-Hub-Signature-256} proved the raw body
 * (bounded by the application's request size limit). Meta redelivers anything not answered 200,
 * so events the bank does not answer get 200 too, and a post the store could not take gets 503.
 */
@RestController
class WhatsAppWebhook {

    static final String SIGNATURE_HEADER = "X-Hub-Signature-256";

    private final WhatsAppInbox inbox;

    WhatsAppWebhook(WhatsAppInbox inbox) {
        this.inbox = inbox;
    }

    @GetMapping(path = "/webhooks/whatsapp")
    ResponseEntity<Object> verify(
            @RequestParam(name = "hub.mode", required = false) String mode,
            @RequestParam(name = "hub.verify_token", required = false) String verifyToken,
            @RequestParam(name = "hub.challenge", required = false) String challenge) {
        if (!inbox.enabled()) {
            return off();
        }
        return inbox.verify(mode, verifyToken, challenge)
                .<ResponseEntity<Object>>map(c ->
                        ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(c))
                .orElseGet(() -> Problems.response(Problems.of(
                        HttpStatus.FORBIDDEN,
                        "verification_refused",
                        "hub.mode must be subscribe and hub.verify_token the configured verify token.")));
    }

    @PostMapping("/webhooks/whatsapp")
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
            return WebhookRefusals.malformed("a WhatsApp webhook payload");
        }
        if (delivery == Delivery.RETRY_LATER) { // Meta posts again; the events handled meanwhile are skipped then
            return Problems.response(Problems.of(
                    HttpStatus.SERVICE_UNAVAILABLE, "try_again", "Some events could not be stored; post them again."));
        }
        return ResponseEntity.ok().build();
    }

    private static ResponseEntity<Object> off() {
        return WebhookRefusals.notConfigured("whatsapp", "WhatsApp");
    }
}
