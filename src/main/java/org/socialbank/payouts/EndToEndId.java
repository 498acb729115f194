package org.socialbank.payouts;

import java.util.Objects;
import java.util.UUID;

/**
 * The id the interbank rail knows one send of a payout by (SEPA's end-to-end id): the payout's own
 * id for its first send, a new one for each send after the rail answered {@link
 * RailAnswer#NOT_RECEIVED}, since the rail then refuses the old one for good.
 */
public record EndToEndId(UUID value) {

    public EndToEndId {
        Objects.requireNonNull(value, "value");
    }

    /** The id of a payout's first send. */
    public static EndToEndId first(PayoutId payout) {
        return new EndToEndId(payout.value());
    }

    public static EndToEndId random() {
        return new EndToEndId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
