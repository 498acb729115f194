package org.socialbank.billing;

import java.util.Objects;

/** What an outside system (a biller, a mobile operator, the card switch) answered about one payment. */
public sealed interface ProviderAnswer permits ProviderAnswer.Paid, ProviderAnswer.Refused, ProviderAnswer.Unknown {

    /** The reason a provider gives to a status query for a payment it never received. */
    String NOT_RECEIVED = "not_received";
    int TEXT_LENGTH_MAX = 64;

    /** Paid; {@code traceNumber} is the provider's reference for the receipt. */
    record Paid(String traceNumber) implements ProviderAnswer {
        public Paid {
            traceNumber = checked(traceNumber);
        }
    }

    /** The provider refused it for good; nothing was paid. */
    record Refused(String reason) implements ProviderAnswer {
        public Refused {
            reason = checked(reason);
        }
    }

    /** The provider could not tell (a timeout, an outage): ask again with its status query. */
    record Unknown(String reason) implements ProviderAnswer {
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
