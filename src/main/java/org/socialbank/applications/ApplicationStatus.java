package org.socialbank.applications;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Where an application stands: {@code started} (the form's link was sent), {@code submitted} (the
 * customer filled it in), {@code in_review}, {@code more_info} (the bank asked a question; the form
 * opens again with a new link and its answers, and is submitted again), then {@code approved} or
 * {@code declined} (final). One that waits on her ({@link #awaitsForm()}) for {@code
 * socialbank.applications.expire-after} becomes {@code expired} (final; {@link Expiries}).
 */
public enum ApplicationStatus {
    STARTED,
    SUBMITTED,
    IN_REVIEW,
    MORE_INFO,
    APPROVED,
    DECLINED,
    EXPIRED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean decided() {
        return this == APPROVED || this == DECLINED;
    }

    /** Whether the form's link is open: the customer fills it in (again). */
    public boolean awaitsForm() {
        return this == STARTED || this == MORE_INFO;
    }

    /** Whether staff may move an application from this status to {@code target}. */
    public boolean mayBecome(ApplicationStatus target) {
        return switch (this) {
            case SUBMITTED -> target == IN_REVIEW || target == MORE_INFO || target.decided();
            case IN_REVIEW -> target == MORE_INFO || target.decided();
            default -> false;
        };
    }

    public static Optional<ApplicationStatus> fromWireName(String name) {
        return Arrays.stream(values()).filter(s -> s.wireName().equals(name)).findFirst();
    }
}
