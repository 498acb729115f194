package org.socialbank.channels.wechat.web;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.socialbank.channels.wechat.WeChatCallbacks;
import org.socialbank.channels.wechat.WeChatCrypto;
import org.socialbank.channels.wechat.WeChatProperties;
import org.socialbank.channels.wechat.WeChatXml;
import org.socialbank.shared.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * WeChat's callback URL. {@code GET}: the admin console's URL check, echoing {@code echostr} only
 * for a valid signature. {@code POST}: a message or event, plain or encrypted
 * ({@code encrypt_type=aes}); a bad signature or a message for another AppId gets 401 and nothing
 * is stored. The answer is a passive reply or {@code success} (nothing to say now).
 */
@RestController
class WeChatWebhook {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final WeChatCallbacks callbacks;
    private final WeChatProperties properties;
    private final WeChatCrypto crypto;
    private final Clock clock;

    WeChatWebhook(WeChatCallbacks callbacks, WeChatProperties properties, Clock clock) {
        this.callbacks = callbacks;
        this.properties = properties;
        this.crypto = new WeChatCrypto(properties.token(), properties.appId(), properties.encodingAesKey());
        this.clock = clock;
    }

    @GetMapping(value = "/webhooks/wechat", produces = MediaType.TEXT_PLAIN_VALUE)
    ResponseEntity<Object> verify(@RequestParam(defaultValue = "") String signature,
            @RequestParam(defaultValue = "") String timestamp, @RequestParam(defaultValue = "") String nonce,
            @RequestParam(defaultValue = "") String echostr) {
        if (!properties.enabled()) {
            return notConfigured();
        }
        if (!crypto.verify(signature, timestamp, nonce)) {
            return unauthorized();
        }
        return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(echostr);
    }

    @PostMapping("/webhooks/wechat")
    ResponseEntity<Object> receive(@RequestParam(defaultValue = "") String signature,
            @RequestParam(defaultValue = "") String timestamp, @RequestParam(defaultValue = "") String nonce,
            @RequestParam(name = "encrypt_type", defaultValue = "raw") String encryptType,
            @RequestParam(name = "msg_signature", defaultValue = "") String msgSignature,
            @RequestBody(required = false) byte[] body) {
        long deadline = System.nanoTime() + properties.passiveReplyBudget().toNanos();
        if (!properties.enabled()) {
            return notConfigured();
        }
        if (!crypto.verify(signature, timestamp, nonce)) {
            return unauthorized();
        }
        boolean safe = "aes".equals(encryptType);
        Optional<Map<String, String>> outer = WeChatXml.parse(body == null ? "" : new String(body,
                StandardCharsets.UTF_8));
        if (outer.isEmpty()) {
            return badRequest("The body is not WeChat's XML.");
        }
        Optional<Map<String, String>> xml = outer;
        if (safe) {
            String encrypted = outer.get().get("Encrypt");
            if (!properties.canDecrypt() || !crypto.verify(msgSignature, timestamp, nonce, encrypted)) {
                return unauthorized();
            }
            Optional<String> plain = crypto.decrypt(encrypted);
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
            reply = callbacks.answer(xml.get(), deadline);
        } catch (IllegalArgumentException e) {
            return badRequest("The message is not well formed: " + e.getMessage());
        } catch (WeChatCallbacks.Busy e) {
            return Problems.response(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "busy", "Try again."));
        }
        if (reply.isEmpty()) {
            return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body("success");
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML)
                .body(safe ? sealed(reply.get()) : reply.get());
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
        return Problems.response(Problems.of(HttpStatus.UNAUTHORIZED, "bad_signature",
                "The request is not signed with this account's token."));
    }

    private static ResponseEntity<Object> badRequest(String detail) {
        return Problems.response(Problems.of(HttpStatus.BAD_REQUEST, "bad_message", detail));
    }

    private static ResponseEntity<Object> notConfigured() {
        return Problems.response(Problems.of(HttpStatus.NOT_FOUND, "wechat_not_configured",
                "The WeChat channel is not configured on this bank."));
    }
}
