package org.socialbank.loyalty;

import java.util.Arrays;
import java.util.Locale;

/** Why a redemption was refused: a stable code, documented in docs/loyalty.md. */
public enum PointsRefusal {
    CUSTOMER_NOT_FOUND,
    CARD_NOT_FOUND,
    ID_REUSED,
    /** Fewer than the least a redemption takes, or not a positive number. */
    POINTS_NOT_VALID,
    INSUFFICIENT_POINTS,
    NO_CREDIT_CARD,
    /** The card's currency has no point value configured. */
    CURRENCY_NOT_REDEEMABLE,
    NOTHING_OWED,
    EXCEEDS_AMOUNT_OWED,
    /** An account of the redemption cannot move now (the ledger said no). */
    ACCOUNT_UNAVAILABLE,
    /** The rewards partner offers no such reward. */
    REWARD_NOT_FOUND;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static PointsRefusal fromCode(String code) {
        return Arrays.stream(values())
                .filter(r -> r.code().equals(code))
                .findFirst()
                .orElse(ACCOUNT_UNAVAILABLE);
    }
}
