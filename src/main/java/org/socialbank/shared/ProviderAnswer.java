package org.socialbank.shared;

import java.util.Objects;

/**
 * What an outside system (a biller, a mobile operator, the card switch, another bank's open-banking
 * API) answered about one order the bank sent it: the {@code PENDING -> SUCCEEDED | FAILED |
 * UNKNOWN} of every external effect. One type for all of them, so that each module's worker books
 * an answer the same way: Succeeded posts, Failed gives the money back, Unknown asks again.
 */
public sealed interface ProviderAnswer permits ProviderAnswer.Succeeded, ProviderAnswer.Failed, ProviderAnswer.Unknown {

    /** The reason a status query gives for an order the provider never received. */
    String NOT_RECEIVED = "not_received";
    /** Longer references and reasons are cut: they are stored and shown, never parsed. */
    int TEXT_LENGTH_MAX = 64;

    /** Done; {@code reference} is the provider's (a biller's trace number, a bank's payment id). */
    record Succeeded(String reference) implements ProviderAnswer {
        public Succeeded {
            reference = checked(reference);
        }
    }

    /** Refused for good ({@link #NOT_RECEIVED} included); nothing moved at the provider. */
    record Failed(String reason) implements ProviderAnswer {
        public Failed {
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
