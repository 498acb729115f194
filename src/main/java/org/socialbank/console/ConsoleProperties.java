package org.socialbank.console;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the staff console ({@code socialbank.console.*}), validated at start-up.
 *
 * @param idleTimeout a session ends after this long without a request
 * @param absoluteTimeout a session ends this long after sign-in, however busy
 * @param codeStepTimeout how long the code step may follow a right password
 * @param lockoutAttempts wrong passwords or codes in a row that lock an account
 * @param lockoutDuration how long a locked account stays locked
 * @param totpWindowSteps authenticator codes accepted this many 30-second steps either side of now
 */
@ConfigurationProperties("socialbank.console")
public record ConsoleProperties(
        @DefaultValue("30m") Duration idleTimeout,
        @DefaultValue("10h") Duration absoluteTimeout,
        @DefaultValue("5m") Duration codeStepTimeout,
        @DefaultValue("5") int lockoutAttempts,
        @DefaultValue("15m") Duration lockoutDuration,
        @DefaultValue("1") int totpWindowSteps) {

    public ConsoleProperties {
        require(between(idleTimeout, Duration.ofMinutes(1), Duration.ofHours(12)), "idle-timeout must be 1m..12h");
        require(
                between(absoluteTimeout, Duration.ofMinutes(5), Duration.ofHours(24)),
                "absolute-timeout must be 5m..24h");
        require(idleTimeout.compareTo(absoluteTimeout) <= 0, "idle-timeout must not exceed absolute-timeout");
        require(
                between(codeStepTimeout, Duration.ofSeconds(30), Duration.ofMinutes(30)),
                "code-step-timeout must be 30s..30m");
        require(lockoutAttempts >= 1 && lockoutAttempts <= 100, "lockout-attempts must be 1..100");
        require(between(lockoutDuration, Duration.ofMinutes(1), Duration.ofDays(1)), "lockout-duration must be 1m..1d");
        require(totpWindowSteps >= 0 && totpWindowSteps <= 2, "totp-window-steps must be 0..2");
    }

    private static boolean between(Duration value, Duration min, Duration max) {
        return value != null && value.compareTo(min) >= 0 && value.compareTo(max) <= 0;
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException("socialbank.console." + message);
        }
    }
}
