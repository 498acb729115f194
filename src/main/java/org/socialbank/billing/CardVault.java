package org.socialbank.billing;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.socialbank.security.otp.OneTimeCodes;
import org.socialbank.shared.jdbc.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The card vault (issue 15 s3): the one table that keeps whole destination card numbers, sealed
 * with AES-GCM under a key derived from the configured pepper, the token bound as associated data
 * (a sealed number copied to another row does not open). Everything else holds the token and the
 * masked number; the worker opens a number only for the one switch call.
 */
@Component
class CardVault {

    private final JdbcClient jdbc;
    private final SecretKeySpec sealKey;
    private final SecretKeySpec hashKey;
    private final Clock clock;

    CardVault(JdbcClient jdbc, OneTimeCodes codes, Clock clock) {
        this.jdbc = jdbc;
        this.sealKey = new SecretKeySpec(codes.deriveKey("billing card vault"), "AES");
        this.hashKey = new SecretKeySpec(codes.deriveKey("billing card number hash"), "HmacSHA256");
        this.clock = clock;
    }

    /** The token of the card, kept sealed once: the same card again has the same token. */
    UUID keep(CardNumber card) {
        String hash = hash(card);
        Optional<UUID> known = token(hash);
        if (known.isPresent()) {
            return known.get();
        }
        UUID token = UUID.randomUUID();
        int inserted = jdbc.sql("INSERT INTO billing_card_vault (token, pan_hash, pan_sealed, masked, created_at) "
                        + "SELECT ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM billing_card_vault WHERE pan_hash = ?)")
                .params(token, hash, seal(card, token), card.masked(), Timestamps.utc(clock.instant()), hash)
                .update();
        return inserted == 1 ? token : token(hash).orElseThrow();
    }

    /** The whole card of a token, for the switch call only; empty for an unknown token. */
    Optional<CardNumber> open(UUID token) {
        return jdbc.sql("SELECT pan_sealed FROM billing_card_vault WHERE token = ?")
                .param(token)
                .query(String.class)
                .optional()
                .map(stored -> CardNumber.read(open(stored, token))
                        .orElseThrow(() -> new IllegalStateException("the vault holds a card that is no card")));
    }

    /** The keyed hash of a card: compares cards without keeping them. */
    String hash(CardNumber card) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(hashKey);
            return HexFormat.of().formatHex(mac.doFinal(card.digits().getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private Optional<UUID> token(String hash) {
        return jdbc.sql("SELECT token FROM billing_card_vault WHERE pan_hash = ?")
                .param(hash)
                .query((rs, n) -> rs.getObject(1, UUID.class))
                .optional();
    }

    private String seal(CardNumber card, UUID token) {
        return Sealed.seal(sealKey, aad(token), card.digits().getBytes(StandardCharsets.US_ASCII));
    }

    private String open(String sealed, UUID token) {
        return new String(Sealed.open(sealKey, aad(token), sealed), StandardCharsets.US_ASCII);
    }

    private static byte[] aad(UUID token) {
        return ByteBuffer.allocate(16)
                .putLong(token.getMostSignificantBits())
                .putLong(token.getLeastSignificantBits())
                .array();
    }
}
