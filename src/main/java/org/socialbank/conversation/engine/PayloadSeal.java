package org.socialbank.conversation.engine;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.socialbank.security.otp.OneTimeCodes;
import org.socialbank.security.otp.Sealer;
import org.springframework.stereotype.Component;

/**
 * Seals the links in outbox payloads at rest (security review #13): replies carry one-time links
 * (sign-in, step-up, unlink, claim, pay-request) that are bearer secrets, so every URL in a
 * payload is stored only as {@code {gcm1:...}}, AES-256-GCM under a key derived from the server's
 * pepper (as authenticator secrets are), bound to the row id so it cannot be moved to another
 * row. The rest of the reply stays readable for support. The relay opens a payload just before
 * the send; the row's content is blanked soon after.
 */
@Component
class PayloadSeal {

    static final Pattern URL = Pattern.compile("https?://[^\\s\"\\\\<>]+");
    static final Pattern SEALED = Pattern.compile("\\{gcm1:([A-Za-z0-9_-]{20,2048})}");

    private final Sealer sealer;

    PayloadSeal(OneTimeCodes codes) {
        this.sealer = new Sealer(codes, "outbox payloads");
    }

    /** The payload with each URL sealed. */
    String seal(UUID rowId, String payload) {
        Matcher url = URL.matcher(payload);
        StringBuilder out = new StringBuilder(payload.length() + 64);
        while (url.find()) {
            url.appendReplacement(out, Matcher.quoteReplacement("{gcm1:" + encrypt(rowId, url.group()) + "}"));
        }
        return url.appendTail(out).toString();
    }

    /**
     * The payload with its sealed URLs opened. Something that only looks sealed (a customer may
     * type anything that a reply then quotes) is left as it is.
     */
    String open(UUID rowId, String stored) {
        Matcher sealed = SEALED.matcher(stored);
        StringBuilder out = new StringBuilder(stored.length());
        while (sealed.find()) {
            String opened = decrypt(rowId, sealed.group(1));
            sealed.appendReplacement(out, Matcher.quoteReplacement(opened == null ? sealed.group() : opened));
        }
        return sealed.appendTail(out).toString();
    }

    private String encrypt(UUID rowId, String url) {
        return sealer.sealToken(url, rowId.toString());
    }

    private String decrypt(UUID rowId, String token) {
        return sealer.openToken(token, rowId.toString()).orElse(null);
    }
}
