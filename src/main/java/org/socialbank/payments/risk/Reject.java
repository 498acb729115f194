package org.socialbank.payments.risk;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The payment is refused because it would pass a limit.
 *
 * @param code which limit, a stable code: {@code exceeds_transaction_limit}, {@code exceeds_daily_limit},
 *     {@code exceeds_monthly_limit}, {@code exceeds_channel_transaction_limit},
 *     {@code exceeds_channel_daily_limit} or {@code currency_not_supported}
 * @param limitMinor the limit in minor units of the payment's currency (0 for an unsupported currency)
 * @param usedMinor what the payer already committed against that limit in its period (0 for a
 *     per-transaction limit)
 * @param resetsAt when the period of the limit starts again; empty for per-transaction limits and
 *     unsupported currencies
 * @param checks every check made
 */
public record Reject(String code, long limitMinor, long usedMinor, Optional<Instant> resetsAt, List<Check> checks)
        implements Decision {

    public static final String EXCEEDS_TRANSACTION_LIMIT = "exceeds_transaction_limit";
    public static final String EXCEEDS_DAILY_LIMIT = "exceeds_daily_limit";
    public static final String EXCEEDS_MONTHLY_LIMIT = "exceeds_monthly_limit";
    public static final String EXCEEDS_CHANNEL_TRANSACTION_LIMIT = "exceeds_channel_transaction_limit";
    public static final String EXCEEDS_CHANNEL_DAILY_LIMIT = "exceeds_channel_daily_limit";
    public static final String CURRENCY_NOT_SUPPORTED = "currency_not_supported";

    public Reject {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(resetsAt, "resetsAt");
        checks = List.copyOf(checks);
    }
}
