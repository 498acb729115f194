package org.socialbank.cards;

import java.time.Duration;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of cards ({@code socialbank.cards.*}), validated at start-up: a bad value stops the start.
 *
 * @param debitBin the six-digit BIN of the debit cards this bank issues
 * @param creditBin the six-digit BIN of its credit cards
 * @param validYears how long a new card is valid
 * @param dueAfterDays days from a statement date to its due date
 * @param graceDays days after the due date before a late fee is charged
 * @param minimumPercent the minimum payment's share of a cycle's new purchases, in percent
 * @param minimumFloorsMinor per currency, the least minimum payment (added to the defaults; a
 *     currency without one has no floor)
 * @param lateFeePercent the late fee's share of the unpaid minimum payment, in percent
 * @param lateFeeFloorsMinor per currency, the least late fee (added to the defaults)
 * @param interestBasisPointsPerDay interest per day on what a statement left unpaid, in hundredths
 *     of a percent (5 = 0.05 % a day)
 * @param zone the zone whose calendar days statement dates, due dates and feed days are in
 * @param statementInterval how often the statement job looks for cards whose statement is due
 * @param statementBatchMax the most cards one round of the statement job takes
 * @param feedInterval how often the card processor's feed is read
 * @param feedBatchMax the most feed transactions one read takes
 * @param dispatchNoticeDays the holder is told her new card is on its way when its dispatch day is
 *     recorded at most this many days after it (an older day, from a back office catching up, is
 *     recorded without a message)
 */
@ConfigurationProperties("socialbank.cards")
public record CardsProperties(
        @DefaultValue("400012") String debitBin,
        @DefaultValue("510012") String creditBin,
        @DefaultValue("4") int validYears,
        @DefaultValue("18") int dueAfterDays,
        @DefaultValue("3") int graceDays,
        @DefaultValue("10") int minimumPercent,
        Map<String, Long> minimumFloorsMinor,
        @DefaultValue("5") int lateFeePercent,
        Map<String, Long> lateFeeFloorsMinor,
        @DefaultValue("5") int interestBasisPointsPerDay,
        @DefaultValue("UTC") ZoneId zone,
        @DefaultValue("1h") Duration statementInterval,
        @DefaultValue("100") int statementBatchMax,
        @DefaultValue("5s") Duration feedInterval,
        @DefaultValue("100") int feedBatchMax,
        @DefaultValue("14") int dispatchNoticeDays) {

    /** The floors of the demo's currencies: about 10 euros' worth (CMB's RMB 100 for CNY). */
    static final Map<String, Long> MINIMUM_FLOORS =
            Map.of("EUR", 1_000L, "CNY", 10_000L, "INR", 50_000L, "RUB", 50_000L, "IRR", 5_000_000L);
    /** CMB's late-fee floor is RMB 10 (USD 1); the others are about a euro's worth. */
    static final Map<String, Long> LATE_FEE_FLOORS =
            Map.of("EUR", 100L, "CNY", 1_000L, "INR", 10_000L, "RUB", 10_000L, "IRR", 500_000L);

    public CardsProperties {
        require(debitBin != null && debitBin.matches("[0-9]{6}"), "debit-bin must be six digits");
        require(creditBin != null && creditBin.matches("[0-9]{6}"), "credit-bin must be six digits");
        require(!debitBin.equals(creditBin), "debit-bin and credit-bin must differ");
        require(validYears >= 1 && validYears <= 10, "valid-years must be 1..10");
        require(dueAfterDays >= 1 && dueAfterDays <= 25, "due-after-days must be 1..25");
        require(
                graceDays >= 0 && graceDays + dueAfterDays <= 27,
                "grace-days must be 0 or more, and due-after-days + grace-days at most 27 (inside the next cycle)");
        require(minimumPercent >= 1 && minimumPercent <= 100, "minimum-percent must be 1..100");
        require(lateFeePercent >= 0 && lateFeePercent <= 100, "late-fee-percent must be 0..100");
        require(
                interestBasisPointsPerDay >= 0 && interestBasisPointsPerDay <= 100,
                "interest-basis-points-per-day must be 0..100");
        minimumFloorsMinor = merged(MINIMUM_FLOORS, minimumFloorsMinor, "minimum-floors-minor");
        lateFeeFloorsMinor = merged(LATE_FEE_FLOORS, lateFeeFloorsMinor, "late-fee-floors-minor");
        require(
                statementInterval != null
                        && statementInterval.compareTo(Duration.ofSeconds(1)) >= 0
                        && statementInterval.compareTo(Duration.ofDays(1)) <= 0,
                "statement-interval must be 1s..1d");
        require(statementBatchMax >= 1 && statementBatchMax <= 1000, "statement-batch-max must be 1..1000");
        require(
                feedInterval != null
                        && feedInterval.compareTo(Duration.ofMillis(100)) >= 0
                        && feedInterval.compareTo(Duration.ofHours(1)) <= 0,
                "feed-interval must be 100ms..1h");
        require(feedBatchMax >= 1 && feedBatchMax <= 1000, "feed-batch-max must be 1..1000");
        require(dispatchNoticeDays >= 0 && dispatchNoticeDays <= 60, "dispatch-notice-days must be 0..60");
    }

    long minimumFloorMinor(String currency) {
        return minimumFloorsMinor.getOrDefault(currency, 0L);
    }

    long lateFeeFloorMinor(String currency) {
        return lateFeeFloorsMinor.getOrDefault(currency, 0L);
    }

    private static Map<String, Long> merged(Map<String, Long> defaults, Map<String, Long> given, String name) {
        Map<String, Long> all = new HashMap<>(defaults);
        if (given != null) {
            given.forEach((currency, minor) -> {
                require(
                        currency.matches("[A-Z]{3}") && minor != null && minor >= 0,
                        name + " takes ISO currency codes and amounts of 0 or more");
                all.put(currency, minor);
            });
        }
        return Map.copyOf(all);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException("socialbank.cards." + message);
        }
    }
}
