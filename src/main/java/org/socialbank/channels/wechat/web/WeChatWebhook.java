package org.socialbank.channels.wechat.web;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialbank.channels.wechat.WeChatCallbacks;
import org.socialbank.channels.wechat.WeChatCrypto;
import org.socialbank.channels.wechat.WeChatNonces;
import org.socialbank.channels.wechat.WeChatProperties;
import org.socialbank.channels.wechat.WeChatXml;
import org.socialbank.shared.Faults;
import org.socialbank.shared.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * WeChat's callback URL. {@code GET}: the admin console's URL check, echoing {@code echostr} only
 * for a valid, fresh signature, only when it is shaped as WeChat's (1 to 64 letters and digits), and
 * only once per (timestamp, nonce), as for a push. {@code POST}: a message or event. In both modes the URL's {@code
 * signature} (token, timestamp, nonce) and the timestamp's freshness are checked before the body is
 * read. With an EncodingAESKey configured only safe mode is accepted: {@code encrypt_type=aes} and
 * a {@code msg_signature} over the token, timestamp, nonce and the encrypted body, checked before
 * decryption; without one, plain mode. Then a signed request is served only while its timestamp is
 * within 5 minutes of the bank's clock and only once per (timestamp, nonce) on any node ({@link
 * WeChatNonces}). Anything else gets 401 problem+json and nothing is handled (security review #2).
 * The answer is a passive reply (sealed in safe mode) or {@code success} (nothing to say now).
 */
@RestController
class WeChatWebhook {

    private static final Logger log = LoggerFactory.getLogger(WeChatWebhook.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    /** WeChat's echostr: a random string of digits (19 of them in the console's checks), letters allowed. */
    private static final Pattern ECHOSTR = Pattern.compile("[A-Za-z0-9]{1,64}");

    private final WeChatCallbacks callbacks;
    private final WeChatProperties properties;
    private final WeChatNonces nonces;
    private final WeChatCrypto crypto;
    private final Clock clock;

    WeChatWebhook(WeChatCallbacks callbacks, WeChatProperties properties, WeChatNonces nonces, Clock clock) {
        this.callbacks = callbacks;
        this.properties = properties;
        this.nonces = nonces;
        this.crypto = new WeChatCrypto(properties.token(), properties.appId(), properties.encodingAesKey());
        this.clock = clock;
    }

    @GetMapping(value = "/webhooks/wechat", produces = MediaType.TEXT_PLAIN_VALUE)
    ResponseEntity<Object> verify(
            @RequestParam(defaultValue = "") String signature,
            @RequestParam(defaultValue = "") String timestamp,
            @RequestParam(defaultValue = "") String nonce,
            @RequestParam(defaultValue = "") String echostr) {
        if (!properties.enabled()) {
            return notConfigured();
        }
        if (!crypto.verify(signature, timestamp, nonce)) {
            return unauthorized();
        }
        if (!WeChatNonces.fresh(timestamp, clock.instant())) {
            return stale();
        }
        if (!ECHOSTR.matcher(echostr).matches()) { // review 2026-12-07 channels #4: no text of anyone's choosing
            return Problems.response(Problems.of(
                    HttpStatus.BAD_REQUEST,
                    "bad_echostr",
                    "echostr must be 1 to 64 letters and digits, as WeChat sends it."));
        }
        // the URL of every push is signed the same way: a (timestamp, nonce) pair serves once, GET or POST
        Optional<ResponseEntity<Object>> refused = refusedOnce(nonces.first(timestamp, nonce, clock.instant()));
        if (refused.isPresent()) {
            return refused.get();
        }
        return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(echostr);
    }

    @PostMapping("/webhooks/wechat")
    ResponseEntity<Object> receive(
            @RequestParam(defaultValue = "") String signature,
            @RequestParam(defaultValue = "") String timestamp,
            @RequestParam(defaultValue = "") String nonce,
            @RequestParam(name = "encrypt_type", defaultValue = "") String encryptType,
            @RequestParam(name = "msg_signature", defaultValue = "") String msgSignature,
            @RequestBody(required = false) byte[] body) {
        long deadline = System.nanoTime() + properties.passiveReplyBudget().toNanos();
        if (!properties.enabled()) {
            return notConfigured();
        }
        boolean safe = properties.canDecrypt();
        if (safe && !("aes".equals(encryptType) && !msgSignature.isEmpty())) {
            return Problems.response(Problems.of(
                    HttpStatus.UNAUTHORIZED,
                    "safe_mode_required",
                    "This account takes only encrypted callbacks (encrypt_type=aes with msg_signature)."));
        }
        if (!safe && !encryptType.isEmpty() && !"raw".equals(encryptType)) {
            return unauthorized(); // plain mode only: an encrypted callback cannot be read here
        }
        // WeChat signs the URL of every push, in both modes; safe mode's msg_signature can only be
        // checked once the body is parsed, so nothing unsigned or stale reaches the parser
        if (!crypto.verify(signature, timestamp, nonce)) {
            return unauthorized();
        }
        if (!WeChatNonces.fresh(timestamp, clock.instant())) {
            return stale();
        }
        Optional<Map<String, String>> outer =
                WeChatXml.parse(body == null ? "" : new String(body, StandardCharsets.UTF_8));
        if (safe
                && (outer.isEmpty()
                        || !crypto.verify(
                                msgSignature, timestamp, nonce, outer.get().get("Encrypt")))) {
            return unauthorized(); // checked before decryption: no padding oracle
        }
        Optional<ResponseEntity<Object>> refused = refusedOnce(nonces.first(timestamp, nonce, clock.instant()));
        if (refused.isPresent()) {
            return refused.get();
        }
        try {
            return handle(outer, safe, deadline);
        } catch (RuntimeException e) {
            nonces.release(timestamp, nonce); // the bank's own failure: WeChat's retry of this request is served
            throw e;
        }
    }

    /** The answer to a signed request whose (timestamp, nonce) pair cannot be served; empty when it is fresh. */
    private static Optional<ResponseEntity<Object>> refusedOnce(WeChatNonces.Check check) {
        if (check == WeChatNonces.Check.FRESH) {
            return Optional.empty();
        }
        return Optional.of(
                check == WeChatNonces.Check.REPLAYED
                        ? Problems.response(Problems.of(
                                HttpStatus.UNAUTHORIZED, "replayed_request", "This signed request was served before."))
                        : stale());
    }

    private ResponseEntity<Object> handle(Optional<Map<String, String>> outer, boolean safe, long deadline) {
        if (outer.isEmpty()) {
            return badRequest("The body is not WeChat's XML.");
        }
        Optional<Map<String, String>> xml = outer;
        if (safe) {
            Optional<String> plain = crypto.decrypt(outer.get().get("Encrypt"));
            if (plain.isEmpty()) {
                return unauthorized(); // not ours: another AppId, or not decryptable with our key
            }
            xml = WeChatXml.parse(plain.get());
            if (xml.isEmpty()) {
                return badRequest("The decrypted message is not WeChat's XML.");
            }
        }
        Optional<String> reply;
        try {
            reply = callbacks.answer(xml.get(), deadline, safe);
        } catch (WeChatCallbacks.Malformed e) {
            return badRequest("The message is not well formed: " + e.getMessage());
        } catch (WeChatCallbacks.Busy e) {
            throw e;
        } catch (RuntimeException e) {
            if (Faults.infrastructure(e)) {
                throw e;
            }
            // a fault of this one callback: WeChat would only send it again, to fail the same way
            log.warn("a WeChat callback failed; answered empty", e);
            reply = Optional.empty();
        }
        if (reply.isEmpty()) {
            return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body("success");
        }
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_XML)
                .body(safe ? sealed(reply.get()) : reply.get());
    }

    @ExceptionHandler(WeChatCallbacks.Busy.class)
    ResponseEntity<Object> busy() {
        return Problems.response(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "busy", "Try again."));
    }

    /** The reply encrypted and signed as safe mode wants it. */
    private String sealed(String xml) {
        String encrypted = crypto.encrypt(xml);
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        String nonce = Long.toString(RANDOM.nextLong(1_000_000_000L, 10_000_000_000L));
        Map<String, String> envelope = new LinkedHashMap<>();
        envelope.put("Encrypt", encrypted);
        envelope.put("MsgSignature", crypto.signature(timestamp, nonce, encrypted));
        envelope.put("TimeStamp", timestamp);
        envelope.put("Nonce", nonce);
        return WeChatXml.write(envelope);
    }

    private static ResponseEntity<Object> unauthorized() {
        return Problems.response(Problems.of(
                HttpStatus.UNAUTHORIZED, "bad_signature", "The request is not signed with this account's token."));
    }

    private static ResponseEntity<Object> stale() {
        return Problems.response(Problems.of(
                HttpStatus.UNAUTHORIZED,
                "stale_request",
                "The request's timestamp is more than 5 minutes from the bank's clock, or malformed."));
    }

    private static ResponseEntity<Object> badRequest(String detail) {
        return Problems.response(Problems.of(HttpStatus.BAD_REQUEST, "bad_message", detail));
    }

    private static ResponseEntity<Object> notConfigured() {
        return Problems.response(Problems.of(
                HttpStatus.NOT_FOUND, "wechat_not_configured", "The WeChat channel is not configured on this bank."));
    }
}
