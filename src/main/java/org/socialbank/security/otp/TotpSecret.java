package org.socialbank.security.otp;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;

/**
 * The shared key of an authenticator app. It never appears in {@link #toString()}, so a log line
 * or an exception message cannot carry it by accident.
 */
public final class TotpSecret {

    /** 160 bits, the length RFC 4226 recommends and authenticator apps expect for SHA-1. */
    public static final int BYTES_DEFAULT = 20;
    /** RFC 4226 section 4 requires at least 128 bits. */
    public static final int BYTES_MIN = 16;

    public static final int BYTES_MAX = 64;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] bytes;

    public TotpSecret(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        if (bytes.length < BYTES_MIN || bytes.length > BYTES_MAX) {
            throw new IllegalArgumentException(
                    "a TOTP secret must be " + BYTES_MIN + ".." + BYTES_MAX + " bytes, was " + bytes.length);
        }
        this.bytes = bytes.clone();
    }

    /** A new random secret of {@value #BYTES_DEFAULT} bytes. */
    public static TotpSecret random() {
        return random(RANDOM);
    }

    public static TotpSecret random(SecureRandom random) {
        byte[] bytes = new byte[BYTES_DEFAULT];
        random.nextBytes(bytes);
        return new TotpSecret(bytes);
    }

    /** A secret as typed or pasted from an authenticator app (case and spaces do not matter). */
    public static TotpSecret ofBase32(String text) {
        return new TotpSecret(Base32.decode(text));
    }

    /** A copy of the key, for {@link Totp}. */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** The key in Base32 without padding, as shown to a person who cannot scan the QR code. */
    public String base32() {
        return Base32.encode(bytes);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TotpSecret that && MessageDigest.isEqual(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "TotpSecret[" + bytes.length + " bytes, redacted]";
    }
}
