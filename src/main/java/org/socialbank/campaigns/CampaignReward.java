package org.socialbank.campaigns;

import java.util.regex.Pattern;
import org.socialbank.shared.CurrencyCode;

/**
 * A campaign's reward (issue 17, the customer club): the first posting with the ledger transfer
 * code {@code action} (e.g. {@code bill}: a bill paid) that a customer makes within
 * {@code withinDays} after the campaign's message reached one of her chats earns her a cashback of
 * {@code amountMinor} in {@code currency}, credited to her primary account in that currency.
 */
public record CampaignReward(String action, long amountMinor, CurrencyCode currency, int withinDays) {

    public static final int WITHIN_DAYS_MAX = 366;
    /** A cashback is a small thing: 10,000.00 in a two-decimal currency at most. */
    public static final long AMOUNT_MINOR_MAX = 1_000_000;

    private static final Pattern ACTION = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");

    public CampaignReward {
        if (action == null
                || !ACTION.matcher(action).matches()
                || currency == null
                || !currency.money()
                || amountMinor < 1
                || amountMinor > AMOUNT_MINOR_MAX
                || withinDays < 1
                || withinDays > WITHIN_DAYS_MAX) {
            throw new IllegalArgumentException("reward_invalid");
        }
    }
}
