package org.socialbank.payments;

import java.time.Instant;
import java.util.Objects;
import org.socialbank.shared.CurrencyCode;

/**
 * One limit of the risk policy as it stands for a payer.
 *
 * @param rule {@code transaction_limit} (per payment), {@code channel_transaction_limit}, {@code
 *     daily_limit}, {@code channel_daily_limit} or {@code monthly_limit}
 * @param usedMinor what the payer's payments of the period already use of it; 0 for a per-payment limit
 * @param resetsAt when the period ends; null for a per-payment limit
 * @param channel the channel of a channel limit; empty for the others
 */
public record PaymentLimit(
        String rule, long limitMinor, long usedMinor, Instant resetsAt, String channel, CurrencyCode currency) {

    public PaymentLimit {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(currency, "currency");
    }

    /** What one more payment may still be under this limit. */
    public long remainingMinor() {
        return Math.max(0, limitMinor - usedMinor);
    }
}
