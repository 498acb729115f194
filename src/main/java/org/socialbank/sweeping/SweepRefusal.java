package org.socialbank.sweeping;

import java.util.Locale;

/** Why a consent, a pull or a rule was refused; the wire code is the lower-case constant name. */
public enum SweepRefusal {
    CUSTOMER_NOT_FOUND,
    NO_ACCOUNT_IN_CURRENCY,
    UNKNOWN_EXTERNAL_ACCOUNT,
    INVALID_CONSENT,
    CONSENT_NOT_FOUND,
    CONSENT_EXPIRED,
    CONSENT_REVOKED,
    OVER_PAYMENT_LIMIT,
    OVER_PERIOD_LIMIT,
    NOTHING_TO_COLLECT,
    BALANCE_UNKNOWN,
    INVALID_AMOUNT,
    INVALID_RULE,
    RULE_NOT_FOUND,
    PULL_NOT_FOUND,
    ID_REUSED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static java.util.Optional<SweepRefusal> fromCode(String code) {
        return java.util.Arrays.stream(values())
                .filter(r -> r.code().equals(code))
                .findFirst();
    }
}
