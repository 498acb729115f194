package org.socialbank.payouts;

import java.util.Objects;

/** What the interbank rail answered about one payout. */
public sealed interface RailAnswer
        permits RailAnswer.Accepted, RailAnswer.Settled, RailAnswer.Rejected, RailAnswer.Unknown {

    /**
     * The reason a rail gives to {@link InterbankRail#status} for a send it never received; from
     * then on it refuses that id for good, so the worker may send the payout again under a new one.
     */
    String NOT_RECEIVED = "not_received";

    int REASON_LENGTH_MAX = 200;

    /** The rail took the payout and will settle it later. */
    record Accepted() implements RailAnswer {}

    /** The beneficiary's account was credited. */
    record Settled() implements RailAnswer {}

    /** The rail refused it for good; nothing was paid. */
    record Rejected(String reason) implements RailAnswer {
        public Rejected {
            reason = checked(reason);
        }
    }

    /** The rail could not tell (a timeout, an outage): ask again with {@link InterbankRail#status}. */
    record Unknown(String reason) implements RailAnswer {
        public Unknown {
            reason = checked(reason);
        }
    }

    static Accepted accepted() {
        return new Accepted();
    }

    static Settled settled() {
        return new Settled();
    }

    static Rejected rejected(String reason) {
        return new Rejected(reason);
    }

    static Unknown unknown(String reason) {
        return new Unknown(reason);
    }

    private static String checked(String reason) {
        Objects.requireNonNull(reason, "reason");
        if (reason.isBlank()) {
            throw new IllegalArgumentException("a reason is not blank");
        }
        return reason.length() > REASON_LENGTH_MAX ? reason.substring(0, REASON_LENGTH_MAX) : reason;
    }
}
