package org.socialbank.applications;

import java.time.Duration;
import java.time.ZoneId;

/** {@code socialbank.applications.*} at their defaults but for {@code auto-decide}, for tests without Spring. */
public final class ApplicationsSettings {

    private ApplicationsSettings() {}

    /** @param autoDecide null: not set */
    public static ApplicationsProperties autoDecide(Boolean autoDecide) {
        return of(autoDecide, Duration.ofDays(30));
    }

    /** The defaults but for {@code expire-after} (null: not set). */
    static ApplicationsProperties expireAfter(Duration expireAfter) {
        return of(null, expireAfter);
    }

    private static ApplicationsProperties of(Boolean autoDecide, Duration expireAfter) {
        return new ApplicationsProperties(
                Duration.ofDays(7),
                100_000_000,
                360,
                10,
                autoDecide,
                690,
                ZoneId.of("UTC"),
                true,
                Duration.ofHours(1),
                100,
                expireAfter);
    }
}
