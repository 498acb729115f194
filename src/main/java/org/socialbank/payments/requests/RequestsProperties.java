package org.socialbank.payments.requests;

import java.time.Duration;
import org.socialbank.payouts.Iban;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of money requests and splits, validated at start-up.
 *
 * @param ttl how long a request stays open before it expires
 * @param reminderInterval how long after a reminder (or the request) a member may be reminded again
 * @param expiryInterval how often the janitor expires requests past their expiry
 * @param expiryBatchMax the most requests one janitor round expires
 * @param payAttemptsMax payments one payer may try for one request (a refused or unconfirmed one counts)
 * @param collectionIban the bank's account that people who are not customers pay requests into
 * @param collectionName the beneficiary name shown with it
 * @param perRequesterPerHour requests one customer may send to others per clock hour, each member
 *     of a split counting as one (security review #12: requests push alerts at other people)
 */
@ConfigurationProperties("socialbank.payments.requests")
public record RequestsProperties(
        @DefaultValue("7d") Duration ttl,
        @DefaultValue("24h") Duration reminderInterval,
        @DefaultValue("1m") Duration expiryInterval,
        @DefaultValue("200") int expiryBatchMax,
        @DefaultValue("20") int payAttemptsMax,
        @DefaultValue("DE89370400440532013000") String collectionIban,
        @DefaultValue("socialbank collections") String collectionName,
        @DefaultValue("30") int perRequesterPerHour) {

    public RequestsProperties {
        require(between(ttl, Duration.ofMinutes(1), Duration.ofDays(90)), "ttl must be between 1m and 90d");
        require(
                between(reminderInterval, Duration.ofMinutes(1), Duration.ofDays(30)),
                "reminder-interval must be between 1m and 30d");
        require(
                between(expiryInterval, Duration.ofSeconds(1), Duration.ofHours(1)),
                "expiry-interval must be between 1s and 1h");
        require(expiryBatchMax >= 1 && expiryBatchMax <= 10_000, "expiry-batch-max must be 1..10000");
        require(payAttemptsMax >= 1 && payAttemptsMax <= 100, "pay-attempts-max must be 1..100");
        collectionIban = collection(collectionIban);
        require(
                collectionName != null && !collectionName.isBlank() && collectionName.length() <= 70,
                "collection-name must be 1 to 70 characters");
        require(perRequesterPerHour >= 1 && perRequesterPerHour <= 10_000, "per-requester-per-hour must be 1..10000");
    }

    /**
     * Checked as a stored account is, not as a typed one: a setting that started before check digits
     * 00, 01 and 99 were refused still starts (reread 2026-12-08 payouts).
     */
    private static String collection(String iban) {
        try {
            return Iban.stored(iban == null ? "" : iban).value();
        } catch (org.socialbank.payouts.InvalidAccount e) {
            throw new IllegalArgumentException(
                    "socialbank.payments.requests.collection-iban must be a valid IBAN: " + e.getMessage());
        }
    }

    private static boolean between(Duration d, Duration min, Duration max) {
        return d != null && d.compareTo(min) >= 0 && d.compareTo(max) <= 0;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException("socialbank.payments.requests." + message);
        }
    }
}
