package org.socialbank.billing;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
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

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final JdbcClient jdbc;
    private final SecretKeySpec sealKey;
    private final SecretKeySpec hashKey;
    private final SecureRandom random = new SecureRandom();
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
                .params(token, hash, seal(card, token), card.masked(), Timestamps.utc(clock.instant()), hash).update();
        return inserted == 1 ? token : token(hash).orElseThrow();
    }

    /** The whole card of a token, for the switch call only; empty for an unknown token. */
    Optional<CardNumber> open(UUID token) {
        return jdbc.sql("SELECT pan_sealed FROM billing_card_vault WHERE token = ?").param(token).query(String.class)
                .optional().map(sealed -> CardNumber.read(open(sealed, token)).orElseThrow(
                        () -> new IllegalStateException("the vault holds a card that is no card")));
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
        return jdbc.sql("SELECT token FROM billing_card_vault WHERE pan_hash = ?").param(hash)
                .query((rs, n) -> rs.getObject(1, UUID.class)).optional();
    }

    private String seal(CardNumber card, UUID token) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, sealKey, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(aad(token));
            byte[] sealed = cipher.doFinal(card.digits().getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv)
                    .put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    private String open(String sealed, UUID token) {
        try {
            byte[] bytes = Base64.getDecoder().decode(sealed);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, sealKey, new GCMParameterSpec(TAG_BITS, bytes, 0, IV_BYTES));
            cipher.updateAAD(aad(token));
            return new String(cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES), StandardCharsets.US_ASCII);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a sealed card number does not open: wrong key or token", e);
        }
    }

    private static byte[] aad(UUID token) {
        return ByteBuffer.allocate(16).putLong(token.getMostSignificantBits()).putLong(token.getLeastSignificantBits())
                .array();
    }
}
