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

    /**
     * What a sealed link's opening brace becomes in text that only looks sealed (a customer may
     * type anything that a reply then quotes, a request's note): the brace and a word joiner
     * (U+2060, shown as nothing), so that every {@code {gcm1:...}} of a stored payload is ours and
     * one that does not open is a broken row, never a customer's text.
     */
    static final String LOOK_ALIKE_OPENING = "{\u2060gcm1:";

    /** The payload with each URL sealed, and what only looks sealed made unlike it. */
    String seal(UUID rowId, String payload) {
        payload = payload.replace("{gcm1:", LOOK_ALIKE_OPENING);
        Matcher url = URL.matcher(payload);
        StringBuilder out = new StringBuilder(payload.length() + 64);
        while (url.find()) {
            url.appendReplacement(out, Matcher.quoteReplacement("{gcm1:" + encrypt(rowId, url.group()) + "}"));
        }
        return url.appendTail(out).toString();
    }

    /**
     * The payload with its sealed URLs opened. A sealed link that does not open (corrupted, or
     * moved from another row) throws: sent as it is, the customer would get a broken link instead
     * of the one the reply is about (review 2026-12-07 channels follow-up); {@link #seal} makes sure
     * no customer's text looks sealed.
     *
     * @throws IllegalStateException when a sealed link does not open for this row
     */
    String open(UUID rowId, String stored) {
        Matcher sealed = SEALED.matcher(stored);
        StringBuilder out = new StringBuilder(stored.length());
        while (sealed.find()) {
            String opened = decrypt(rowId, sealed.group(1));
            if (opened == null) {
                throw new IllegalStateException("a sealed link of outbox row " + rowId + " does not open");
            }
            sealed.appendReplacement(out, Matcher.quoteReplacement(opened));
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
