package org.socialbank.security.otp;

import java.util.Optional;
import org.socialbank.shared.Peppers;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * One-time-code settings.
 *
 * @param pepper the key of the code hashes, at least {@value OneTimeCodes#PEPPER_BYTES_MIN}
 *     random bytes in base64 (standard or URL-safe), usually from the environment variable
 *     {@code SOCIALBANK_OTP_PEPPER}; changing it invalidates every code in flight. Required
 *     outside demo mode.
 */
@ConfigurationProperties("socialbank.otp")
public record OtpProperties(String pepper) {

    static final String NAMES = "SOCIALBANK_OTP_PEPPER (socialbank.otp.pepper)";

    public OtpProperties {
        if (pepper != null && !pepper.isBlank()) {
            decode(pepper);
        }
    }

    /** The pepper's bytes, or empty when none is set (an empty value counts as none). */
    public Optional<byte[]> pepperBytes() {
        return pepper == null || pepper.isBlank() ? Optional.empty() : Optional.of(decode(pepper));
    }

    @Override
    public String toString() {
        return "OtpProperties[pepper=" + (pepperBytes().isPresent() ? "redacted" : "unset") + "]";
    }

    private static byte[] decode(String pepper) {
        return Peppers.decode(pepper, NAMES, OneTimeCodes.PEPPER_BYTES_MIN);
    }
}
