package org.socialbank.loyalty;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.socialbank.shared.ProviderAnswer;

/**
 * The rewards partner (SPI): what it offers for points, and vouchers issued once per order id (its
 * idempotency key). {@code issue} answers {@link ProviderAnswer.Succeeded} with the voucher's code as
 * its reference, {@link ProviderAnswer.Failed}, or {@link ProviderAnswer.Unknown} (a timeout); then
 * {@code status} tells what became of the order. The embedded sandbox is used unless another bean is
 * configured.
 */
public interface Rewards {

    /** The default bound of one call. */
    Duration TIMEOUT_DEFAULT = Duration.ofSeconds(10);

    /**
     * The longest one call waits for the partner before answering {@link ProviderAnswer.Unknown}. It
     * must be shorter than {@code socialbank.loyalty.voucher-recheck-after}, or the bank refuses to
     * start: the janitor must never ask about an order whose {@code issue} is still on its way (it
     * would be told {@code not_received}, release the points, and the partner would issue a voucher
     * nobody sees).
     */
    default Duration timeout() {
        return TIMEOUT_DEFAULT;
    }

    /** What the partner offers, at most a few dozen rewards. */
    List<Reward> catalogue();

    ProviderAnswer issue(UUID orderId, String rewardCode);

    /** What became of an order; {@link ProviderAnswer#NOT_RECEIVED} when the partner never got it. */
    ProviderAnswer status(UUID orderId);

    /**
     * A reward: its stable code (lower case), its price in points, the partner's name and the
     * reward's name as the partner writes it.
     */
    record Reward(String code, long points, String partner, String name) {

        public Reward {
            Objects.requireNonNull(partner, "partner");
            Objects.requireNonNull(name, "name");
            if (code == null || !code.matches("[a-z0-9][a-z0-9_-]{0,31}") || points < 1) {
                throw new IllegalArgumentException("a reward has a code of a-z 0-9 _ - and a positive price");
            }
        }
    }
}
