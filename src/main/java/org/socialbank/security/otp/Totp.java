package org.socialbank.security.otp;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Objects;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords (RFC 6238) as authenticator apps compute them: the HOTP value
 * (RFC 4226) of the number of periods since the Unix epoch.
 *
 * <p>Enrol with {@link #defaults()}: several authenticator apps ignore the algorithm, digits and
 * period of an otpauth URI and always use SHA-1, 6 digits and 30 seconds.
 */
public final class Totp {

    /** The HMAC behind the code; the name is what an otpauth URI carries. */
    public enum Algorithm {
        SHA1("HmacSHA1"),
        SHA256("HmacSHA256"),
        SHA512("HmacSHA512");

        private final String macName;

        Algorithm(String macName) {
            this.macName = macName;
        }
    }

    public static final int DIGITS_DEFAULT = 6;
    public static final int DIGITS_MIN = 6;
    public static final int DIGITS_MAX = 8;
    public static final int PERIOD_SECONDS_DEFAULT = 30;
    public static final int PERIOD_SECONDS_MIN = 10;
    public static final int PERIOD_SECONDS_MAX = 300;
    /** A wider window would accept codes minutes old: each step more is one more guess per try. */
    public static final int WINDOW_STEPS_MAX = 10;

    private static final int[] POWERS_OF_TEN = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};

    private final Algorithm algorithm;
    private final int digits;
    private final int periodSeconds;

    public Totp(Algorithm algorithm, int digits, int periodSeconds) {
        this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
        if (digits < DIGITS_MIN || digits > DIGITS_MAX) {
            throw new IllegalArgumentException("digits must be " + DIGITS_MIN + ".." + DIGITS_MAX);
        }
        if (periodSeconds < PERIOD_SECONDS_MIN || periodSeconds > PERIOD_SECONDS_MAX) {
            throw new IllegalArgumentException(
                    "periodSeconds must be " + PERIOD_SECONDS_MIN + ".." + PERIOD_SECONDS_MAX);
        }
        this.digits = digits;
        this.periodSeconds = periodSeconds;
    }

    /** SHA-1, 6 digits, 30 seconds: what every authenticator app understands. */
    public static Totp defaults() {
        return new Totp(Algorithm.SHA1, DIGITS_DEFAULT, PERIOD_SECONDS_DEFAULT);
    }

    public Algorithm algorithm() {
        return algorithm;
    }

    public int digits() {
        return digits;
    }

    public int periodSeconds() {
        return periodSeconds;
    }

    /** The time step (RFC 6238 "T") that contains an instant at or after the Unix epoch. */
    public long step(Instant at) {
        long seconds = Objects.requireNonNull(at, "at").getEpochSecond();
        if (seconds < 0) {
            throw new IllegalArgumentException("TOTP is not defined before the Unix epoch");
        }
        return seconds / periodSeconds;
    }

    /** The code an authenticator app shows at an instant. */
    public String code(byte[] secret, Instant at) {
        return hotp(secret, step(at));
    }

    /** The HOTP value (RFC 4226) for a counter; TOTP is HOTP of the time step. */
    public String hotp(byte[] secret, long counter) {
        if (counter < 0) {
            throw new IllegalArgumentException("counter must not be negative");
        }
        return hotp(mac(secret), counter);
    }

    /**
     * Checks a code against the steps from {@code windowSteps} before to {@code windowSteps} after
     * the current one, so that a clock a little off still works.
     *
     * @return the matched time step, which the caller stores and refuses next time (a code seen
     *     once must not be accepted again, RFC 6238 section 5.2); empty when the code does not
     *     match or is not {@link #digits()} ASCII digits
     */
    public OptionalLong verify(byte[] secret, String code, Instant now, int windowSteps) {
        if (windowSteps < 0 || windowSteps > WINDOW_STEPS_MAX) {
            throw new IllegalArgumentException("windowSteps must be 0.." + WINDOW_STEPS_MAX);
        }
        Mac mac = mac(secret);
        long current = step(now);
        if (!isDigits(code, digits)) {
            return OptionalLong.empty();
        }
        byte[] presented = code.getBytes(StandardCharsets.US_ASCII);
        long matched = -1;
        for (int i = 0; i <= 2 * windowSteps; i++) {
            long candidate = current + offset(i);
            // every candidate is compared, in constant time, so timing tells nothing of which matched
            boolean equal = candidate >= 0
                    && MessageDigest.isEqual(presented, hotp(mac, candidate).getBytes(StandardCharsets.US_ASCII));
            if (equal && matched < 0) {
                matched = candidate;
            }
        }
        return matched < 0 ? OptionalLong.empty() : OptionalLong.of(matched);
    }

    /** 0, -1, +1, -2, +2, ...: the current step first, then ever further either side. */
    private static long offset(int i) {
        return i % 2 == 1 ? -(i + 1) / 2 : i / 2;
    }

    static boolean isDigits(String code, int length) {
        if (code == null || code.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = code.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private String hotp(Mac mac, long counter) {
        byte[] hash =
                mac.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(counter).array());
        int offset = hash[hash.length - 1] & 0x0f; // RFC 4226 section 5.3, dynamic truncation
        int binary = (hash[offset] & 0x7f) << 24
                | (hash[offset + 1] & 0xff) << 16
                | (hash[offset + 2] & 0xff) << 8
                | hash[offset + 3] & 0xff;
        String value = Integer.toString(binary % POWERS_OF_TEN[digits]);
        return "0".repeat(digits - value.length()) + value;
    }

    private Mac mac(byte[] secret) {
        Objects.requireNonNull(secret, "secret");
        if (secret.length == 0) {
            throw new IllegalArgumentException("secret must not be empty");
        }
        try {
            Mac mac = Mac.getInstance(algorithm.macName);
            mac.init(new SecretKeySpec(secret, algorithm.macName));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm.macName + " is missing from this JVM", e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Totp that
                && algorithm == that.algorithm
                && digits == that.digits
                && periodSeconds == that.periodSeconds;
    }

    @Override
    public int hashCode() {
        return Objects.hash(algorithm, digits, periodSeconds);
    }

    @Override
    public String toString() {
        return "Totp[" + algorithm + ", " + digits + " digits, " + periodSeconds + " s]";
    }
}
