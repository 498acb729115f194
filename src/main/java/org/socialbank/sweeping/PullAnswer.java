package org.socialbank.sweeping;

import java.util.Objects;

/** What the open-banking provider answered about one pull. */
public sealed interface PullAnswer permits PullAnswer.Succeeded, PullAnswer.Failed, PullAnswer.Unknown {

    /** The reason a status query gives for a pull the provider never received. */
    String NOT_RECEIVED = "not_received";
    int TEXT_LENGTH_MAX = 64;

    /** The money left the other bank; {@code reference} is the provider's. */
    record Succeeded(String reference) implements PullAnswer {
        public Succeeded {
            reference = checked(reference);
        }
    }

    /** Refused for good (insufficient_funds, consent_refused, not_received, ...); nothing moved. */
    record Failed(String reason) implements PullAnswer {
        public Failed {
            reason = checked(reason);
        }
    }

    /** The provider could not tell (a timeout, an outage): ask again with its status query. */
    record Unknown(String reason) implements PullAnswer {
        public Unknown {
            reason = checked(reason);
        }
    }

    private static String checked(String text) {
        Objects.requireNonNull(text, "text");
        if (text.isBlank()) {
            throw new IllegalArgumentException("an answer is not blank");
        }
        return text.length() > TEXT_LENGTH_MAX ? text.substring(0, TEXT_LENGTH_MAX) : text;
    }
}
