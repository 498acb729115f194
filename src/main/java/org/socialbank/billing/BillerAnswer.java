package org.socialbank.billing;

import java.util.Objects;

/** What a biller answered about one payment. */
public sealed interface BillerAnswer permits BillerAnswer.Paid, BillerAnswer.Refused, BillerAnswer.Unknown {

    /** The reason a biller gives to {@link Biller#status} for a payment it never received. */
    String NOT_RECEIVED = "not_received";
    int TEXT_LENGTH_MAX = 64;

    /** The bill is paid; {@code traceNumber} is the biller's reference for the receipt. */
    record Paid(String traceNumber) implements BillerAnswer {
        public Paid {
            traceNumber = checked(traceNumber);
        }
    }

    /** The biller refused it for good; nothing was paid. */
    record Refused(String reason) implements BillerAnswer {
        public Refused {
            reason = checked(reason);
        }
    }

    /** The biller could not tell (a timeout, an outage): ask again with {@link Biller#status}. */
    record Unknown(String reason) implements BillerAnswer {
        public Unknown {
            reason = checked(reason);
        }
    }

    private static String checked(String text) {
        Objects.requireNonNull(text, "text");
        if (text.isBlank()) {
            throw new IllegalArgumentException("a biller's answer is not blank");
        }
        return text.length() > TEXT_LENGTH_MAX ? text.substring(0, TEXT_LENGTH_MAX) : text;
    }
}
