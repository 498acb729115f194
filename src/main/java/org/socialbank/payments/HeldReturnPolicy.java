package org.socialbank.payments;

import java.time.Duration;
import java.time.Instant;
import org.socialbank.ledger.RejectionCode;

/**
 * What becomes of a held return the payer's account refused (review 2026-12-07 money follow-up):
 * offered again later, each wait twice the one before, from {@code return-retry-interval} up to
 * {@code return-retry-max}; or, when the account is closed, never again. The ledger never reopens
 * a closed account ({@code Ledger.changeStatus} refuses any change of one), so trying it again can
 * only fail: operations settle it by hand, and it stays listed with the code {@link
 * #PAYER_ACCOUNT_CLOSED}. Pure.
 */
final class HeldReturnPolicy {

    /** The held return's code once its payer's account is closed: operations settle it by hand. */
    static final String PAYER_ACCOUNT_CLOSED = "payer_account_closed";

    /** The held return's code while it is still offered back: why it is held at all. */
    static final String PAYOUT_FAILED = "payout_failed";

    sealed interface Next {}

    /** Offer it again at {@code at}; {@code tries} refused tries so far. */
    record RetryAt(Instant at, int tries) implements Next {}

    /** Never offer it again: operations settle it by hand; {@code code} says why. */
    record SettleByHand(String code) implements Next {}

    private HeldReturnPolicy() {}

    /**
     * The next step after the payer's account refused the money for the {@code tries}-th time (the
     * first refusal, when the payout failed, is try 1).
     */
    static Next after(RejectionCode refusal, int tries, Instant now, Duration first, Duration max) {
        if (refusal == RejectionCode.ACCOUNT_CLOSED) {
            return new SettleByHand(PAYER_ACCOUNT_CLOSED);
        }
        return new RetryAt(now.plus(wait(tries, first, max)), tries);
    }

    /** {@code first} after the first refusal, doubled after each one since, at most {@code max}. */
    static Duration wait(int tries, Duration first, Duration max) {
        Duration wait = first;
        for (int i = 1; i < tries && wait.compareTo(max) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(max) < 0 ? wait : max;
    }
}
