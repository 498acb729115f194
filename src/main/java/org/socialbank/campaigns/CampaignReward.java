package org.socialbank.campaigns;

import java.util.regex.Pattern;
import org.socialbank.shared.CurrencyCode;

/**
 * A campaign's reward (issue 17, the customer club): the first posting with the ledger transfer
 * code {@code action} (e.g. {@code bill}: a bill paid) that a customer makes within
 * {@code withinDays} after the campaign's message reached one of her chats earns her a cashback of
 * {@code amountMinor} in {@code currency}, credited to her primary account in that currency, or,
 * when {@code currency} is {@link CurrencyCode#POINTS}, {@code amountMinor} loyalty points credited
 * through the loyalty book (ADR 0011). With a {@code referral}, it is the new customer a recipient
 * brought whose first such posting (within {@code withinDays} after she was recorded) earns the
 * recipient the reward, and the new customer too when {@link Referral#refereeToo()}.
 */
public record CampaignReward(
        String action, long amountMinor, CurrencyCode currency, int withinDays, Referral referral) {

    public static final int WITHIN_DAYS_MAX = 366;
    /** A cashback is a small thing: 10,000.00 in a two-decimal currency at most. */
    public static final long AMOUNT_MINOR_MAX = 1_000_000;
    /** So are points: 100,000 at most (1,000.00 EUR at the default point value). */
    public static final long POINTS_MAX = 100_000;

    private static final Pattern ACTION = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");

    /**
     * A referral reward's terms.
     *
     * @param refereeToo whether the new customer earns the reward as well
     * @param perReferrerMax the most new customers one recipient is rewarded for (1..50)
     */
    public record Referral(boolean refereeToo, int perReferrerMax) {

        public static final int PER_REFERRER_MAX = 50;

        public Referral {
            if (perReferrerMax < 1 || perReferrerMax > PER_REFERRER_MAX) {
                throw new IllegalArgumentException("reward_invalid");
            }
        }
    }

    public CampaignReward {
        if (action == null
                || !ACTION.matcher(action).matches()
                || currency == null
                || !currency.money() && !CurrencyCode.POINTS.equals(currency)
                || amountMinor < 1
                || amountMinor > (CurrencyCode.POINTS.equals(currency) ? POINTS_MAX : AMOUNT_MINOR_MAX)
                || withinDays < 1
                || withinDays > WITHIN_DAYS_MAX) {
            throw new IllegalArgumentException("reward_invalid");
        }
    }

    /** A reward for the recipient's own action, not a referral. */
    public CampaignReward(String action, long amountMinor, CurrencyCode currency, int withinDays) {
        this(action, amountMinor, currency, withinDays, null);
    }

    /** Whether it is loyalty points ({@code amountMinor} of them), not a cashback. */
    public boolean points() {
        return CurrencyCode.POINTS.equals(currency);
    }
}
