package org.socialbank.payments;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.socialbank.shared.CurrencyCode;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of payments, validated at start-up.
 *
 * @param claimTtl how long money for a non-customer waits in escrow before it goes back
 * @param claimCodeTtl how long a code sent to prove a phone or e-mail stays valid
 * @param claimAttemptsMax wrong codes (or claim messages from the wrong account) before a claim locks
 * @param claimCodesMax codes one claim may send, so a claim page cannot be used to spam a phone
 * @param expiryInterval how often the janitor returns unclaimed payments past their expiry
 * @param expiryBatchMax the most payments one janitor round returns
 * @param zone the time zone in which daily and monthly limits reset
 * @param currencies currencies whose escrow and payout settlement accounts are opened at start-up
 *     (others are opened on first use)
 * @param claimCodeSenderFailuresMax claim codes sent from one chat account that prove nothing (no
 *     such code, or not its claim) before that account's claim codes are no longer looked at
 * @param claimCodeSenderWindow the sliding window of those failures
 * @param payeeLookupsPerHour aliases one customer may have resolved to a (masked) name in the chats
 *     per clock hour, for payments, requests and splits together (security review #12)
 * @param returnRetryInterval how often a failed payout's money that the payer's account refused
 *     back (frozen) is first offered to it again (review 2026-12-07 money #7); each refusal then
 *     doubles the wait
 * @param returnRetryMax the longest wait between two offers of a held return (review 2026-12-07
 *     money follow-up); a closed account's is not offered again at all
 */
@ConfigurationProperties("socialbank.payments")
public record PaymentsProperties(
        @DefaultValue("14d") Duration claimTtl,
        @DefaultValue("10m") Duration claimCodeTtl,
        @DefaultValue("3") int claimAttemptsMax,
        @DefaultValue("5") int claimCodesMax,
        @DefaultValue("30s") Duration expiryInterval,
        @DefaultValue("200") int expiryBatchMax,
        @DefaultValue("UTC") ZoneId zone,
        @DefaultValue({"EUR", "INR", "RUB", "IRR", "CNY"}) List<String> currencies,
        @DefaultValue("5") int claimCodeSenderFailuresMax,
        @DefaultValue("1h") Duration claimCodeSenderWindow,
        @DefaultValue("60") int payeeLookupsPerHour,
        @DefaultValue("10m") Duration returnRetryInterval,
        @DefaultValue("1d") Duration returnRetryMax) {

    public PaymentsProperties {
        require(positiveAtMost(claimTtl, Duration.ofDays(366)), "claim-ttl must be positive and at most 366d");
        require(positiveAtMost(claimCodeTtl, Duration.ofHours(1)), "claim-code-ttl must be positive and at most 1h");
        require(claimAttemptsMax >= 1 && claimAttemptsMax <= 10, "claim-attempts-max must be 1..10");
        require(claimCodesMax >= 1 && claimCodesMax <= 20, "claim-codes-max must be 1..20");
        require(positiveAtMost(expiryInterval, Duration.ofHours(1)), "expiry-interval must be positive and at most 1h");
        require(expiryBatchMax >= 1 && expiryBatchMax <= 10_000, "expiry-batch-max must be 1..10000");
        require(zone != null, "zone must be a time zone id such as UTC or Europe/Paris");
        currencies = currencies == null ? List.of() : List.copyOf(currencies);
        require(
                currencies.size() <= 64
                        && currencies.stream()
                                .allMatch(c -> CurrencyCode.find(c).isPresent()),
                "currencies must be at most 64 supported ISO 4217 codes");
        require(
                claimCodeSenderFailuresMax >= 1 && claimCodeSenderFailuresMax <= 100,
                "claim-code-sender-failures-max must be 1..100");
        require(
                positiveAtMost(claimCodeSenderWindow, Duration.ofDays(7)),
                "claim-code-sender-window must be positive and at most 7d");
        require(payeeLookupsPerHour >= 1 && payeeLookupsPerHour <= 10_000, "payee-lookups-per-hour must be 1..10000");
        require(
                positiveAtMost(returnRetryInterval, Duration.ofDays(1)),
                "return-retry-interval must be positive and at most 1d");
        require(
                positiveAtMost(returnRetryMax, Duration.ofDays(7))
                        && returnRetryMax.compareTo(returnRetryInterval) >= 0,
                "return-retry-max must be at least return-retry-interval and at most 7d");
    }

    private static boolean positiveAtMost(Duration d, Duration max) {
        return d != null && !d.isNegative() && !d.isZero() && d.compareTo(max) <= 0;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException("socialbank.payments." + message);
        }
    }
}
