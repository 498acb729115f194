package org.socialbank.channels.telegram.web;

import org.socialbank.channels.telegram.TelegramInbox;
import org.socialbank.channels.telegram.TelegramInbox.Delivery;
import org.socialbank.shared.Network;
import org.socialbank.shared.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where Telegram and Bale post a bot's updates. The secret token is the only authentication (the
 * body is read only once it matched); the body is bounded by the application's request size limit.
 * The platform resends on anything but 2xx, so updates the bank does not answer get 200 too.
 */
@RestController
class TelegramWebhook {

    static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";

    private final TelegramInbox inbox;

    TelegramWebhook(TelegramInbox inbox) {
        this.inbox = inbox;
    }

    @PostMapping("/webhooks/telegram/{bot}")
    ResponseEntity<Object> telegram(
            @PathVariable String bot,
            @RequestHeader(name = SECRET_HEADER, required = false) String secret,
            @RequestBody(required = false) byte[] body) {
        return answer(inbox.deliver(Network.TELEGRAM, bot, secret, body == null ? new byte[0] : body));
    }

    @PostMapping("/webhooks/bale/{bot}")
    ResponseEntity<Object> bale(
            @PathVariable String bot,
            @RequestHeader(name = SECRET_HEADER, required = false) String secret,
            @RequestBody(required = false) byte[] body) {
        return answer(inbox.deliver(Network.BALE, bot, secret, body == null ? new byte[0] : body));
    }

    private static ResponseEntity<Object> answer(Delivery delivery) {
        if (delivery == Delivery.UNKNOWN_BOT) {
            return Problems.response(Problems.of(HttpStatus.NOT_FOUND, "unknown_bot", "No such bot."));
        }
        if (delivery == Delivery.BAD_SECRET) {
            return Problems.response(Problems.of(
                    HttpStatus.UNAUTHORIZED,
                    "bad_secret_token",
                    "The " + SECRET_HEADER + " header is missing or wrong."));
        }
        if (delivery == Delivery.MALFORMED) {
            return Problems.response(
                    Problems.of(HttpStatus.BAD_REQUEST, "malformed_update", "The body is not a Bot API update."));
        }
        return ResponseEntity.ok().build();
    }
}
