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
    /**
     * Longer references and reasons are cut: they are stored and shown, never parsed. Control
     * characters are replaced by U+FFFD: PostgreSQL refuses a NUL in text, and a row that cannot
     * be stored would be moved behind every round and never settle.
     */
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
        StringBuilder kept = new StringBuilder(Math.min(text.length(), TEXT_LENGTH_MAX));
        for (int i = 0; i < text.length() && kept.length() < TEXT_LENGTH_MAX; i++) {
            char c = text.charAt(i);
            boolean lonePair = Character.isSurrogate(c)
                    && !(Character.isHighSurrogate(c)
                            && i + 1 < text.length()
                            && Character.isLowSurrogate(text.charAt(i + 1)));
            if (Character.isHighSurrogate(c) && !lonePair) {
                if (kept.length() + 2 > TEXT_LENGTH_MAX) {
                    break; // never cut a character in two
                }
                kept.append(c).append(text.charAt(++i));
            } else {
                kept.append(Character.isISOControl(c) || lonePair ? '\uFFFD' : c);
            }
        }
        return kept.toString();
    }
}
