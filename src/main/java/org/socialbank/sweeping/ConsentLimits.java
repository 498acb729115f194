package org.socialbank.sweeping;

import java.time.Instant;
import java.util.OptionalLong;

/**
 * The consent's rules for one pull, pure: a revoked or expired consent pulls nothing; an asked
 * amount must fit the maximum per payment and what is left of the period; "collect all" takes the
 * external balance above what the customer keeps there, capped by both maxima.
 */
final class ConsentLimits {

    sealed interface Decision permits Allow, Refuse {}

    record Allow(long amountMinor) implements Decision {}

    record Refuse(SweepRefusal refusal) implements Decision {}

    private ConsentLimits() {}

    /**
     * @param usedInPeriodMinor what pulls that moved or may still move money took in the current period
     * @param balanceMinor the external account's available balance, needed only without an asked amount
     */
    static Decision decide(
            Consent consent,
            Instant now,
            long usedInPeriodMinor,
            OptionalLong askedMinor,
            OptionalLong balanceMinor,
            long keepMinor) {
        if (consent.revoked()) {
            return new Refuse(SweepRefusal.CONSENT_REVOKED);
        }
        if (!now.isBefore(consent.expiresAt())) {
            return new Refuse(SweepRefusal.CONSENT_EXPIRED);
        }
        long leftMinor = Math.max(0, consent.maxPeriodMinor() - usedInPeriodMinor);
        if (askedMinor.isPresent()) {
            long asked = askedMinor.getAsLong();
            if (asked <= 0) {
                return new Refuse(SweepRefusal.INVALID_AMOUNT);
            }
            if (asked > consent.maxPaymentMinor()) {
                return new Refuse(SweepRefusal.OVER_PAYMENT_LIMIT);
            }
            return asked > leftMinor ? new Refuse(SweepRefusal.OVER_PERIOD_LIMIT) : new Allow(asked);
        }
        if (balanceMinor.isEmpty()) {
            return new Refuse(SweepRefusal.BALANCE_UNKNOWN);
        }
        long aboveKeep = balanceMinor.getAsLong() - keepMinor;
        if (aboveKeep <= 0) {
            return new Refuse(SweepRefusal.NOTHING_TO_COLLECT);
        }
        if (leftMinor == 0) {
            return new Refuse(SweepRefusal.OVER_PERIOD_LIMIT);
        }
        return new Allow(Math.min(aboveKeep, Math.min(consent.maxPaymentMinor(), leftMinor)));
    }
}
