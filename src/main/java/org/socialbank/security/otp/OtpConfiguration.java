package org.socialbank.security.otp;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialbank.shared.DemoMode;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Supplies {@link OneTimeCodes} with the configured pepper; a demo node may run without one. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OtpProperties.class)
class OtpConfiguration {

    private static final Logger log = LoggerFactory.getLogger(OtpConfiguration.class);

    @Bean
    OneTimeCodes oneTimeCodes(OtpProperties properties, DemoMode demo) {
        return new OneTimeCodes(pepper(properties, demo));
    }

    /**
     * The configured pepper; in demo mode, when none is set, a fixed one that is in this source
     * code and so protects nothing, which is why a node outside demo mode refuses to start.
     */
    static byte[] pepper(OtpProperties properties, DemoMode demo) {
        if (properties.pepperBytes().isPresent()) {
            return properties.pepperBytes().get();
        }
        if (!demo.enabled()) {
            throw new IllegalStateException("No one-time-code pepper is configured: set "
                    + OtpProperties.NAMES + " to at least " + OneTimeCodes.PEPPER_BYTES_MIN
                    + " random bytes in base64 ('openssl rand -base64 32'); outside demo mode none is assumed");
        }
        log.warn("Demo mode: one-time codes are hashed with a fixed development pepper; set " + OtpProperties.NAMES
                + " in production");
        return developmentPepper();
    }

    static byte[] developmentPepper() {
        try {
            return MessageDigest.getInstance("SHA-256")
                    .digest("socialbank development pepper: public, never for production"
                            .getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
