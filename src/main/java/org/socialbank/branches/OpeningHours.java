package org.socialbank.branches;

import java.time.LocalTime;
import java.util.Objects;

/** When a branch receives customers on one day of the week: from {@code opens} until {@code closes}, same day. */
public record OpeningHours(LocalTime opens, LocalTime closes) {

    public OpeningHours {
        Objects.requireNonNull(opens, "opens");
        Objects.requireNonNull(closes, "closes");
        if (!opens.isBefore(closes)) {
            throw new IllegalArgumentException("a branch opens before it closes on the same day");
        }
    }

    public static OpeningHours of(String opens, String closes) {
        return new OpeningHours(LocalTime.parse(opens), LocalTime.parse(closes));
    }
}
