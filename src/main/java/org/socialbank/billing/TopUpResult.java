package org.socialbank.billing;

import java.util.List;

/** The answer to a top-up request: the top-up (new or replayed), or a refusal that recorded nothing. */
public sealed interface TopUpResult permits TopUpResult.Done, TopUpResult.Refused {

    record Done(TopUp topUp, boolean replayed) implements TopUpResult {}

    /** {@code code}: invalid_phone, unknown_operator, amount_not_offered (with the nearest amounts), id_reused, customer_not_found. */
    record Refused(String code, List<Long> nearestAmountsMinor) implements TopUpResult {}
}
