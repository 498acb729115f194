package org.socialbank.alerts;

import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.regex.Pattern;
import org.socialbank.ledger.Ledger;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of transaction alerts ({@code socialbank.alerts.*}), validated at start-up.
 *
 * @param followerEnabled whether this node follows the journal and releases held alerts
 * @param followInterval how often it looks for new postings and for alerts whose quiet hours ended
 *     while the journal is quiet
 * @param followIntervalBusy how soon it looks again after a round that found postings: under load
 *     the rounds are small and often instead of one burst of alerts every {@code follow-interval}
 *     (issue 22: a 2 s beat queued each payer's alerts of the last 2 s ahead of her next reply and
 *     held the p99 of a chat payment at 180-300 ms)
 * @param settle how old a journal row must be before the follower's cursor passes it, so that a
 *     row of a transaction still committing (a lower sequence committed later) is not skipped
 * @param batchMax the most journal rows (and held alerts, digests, SMS) one round takes
 * @param digestAt the local time, the morning after, at which a daily digest goes ("08:00")
 * @param smsEnabled whether an alert no private chat can carry goes by SMS at all
 * @param smsKinds the kinds of alert that may go by SMS: money out by default (the one a customer
 *     must hear of even without a chat: it may be fraud)
 * @param smsMinAmountMinor per currency, the smallest amount (minor units) an SMS is sent for; a
 *     currency without an entry never goes by SMS (SMS costs money and is read on lock screens); a
 *     configured currency overrides or adds to the shipped ones, which stay
 * @param pageTtl how long the link to the alert settings page, sent in the chat, opens it
 * @param smsReports how the delivery report of an alert SMS the gateway accepted is asked for
 */
@ConfigurationProperties("socialbank.alerts")
public record AlertsProperties(
        @DefaultValue("true") boolean followerEnabled,
        @DefaultValue("2s") Duration followInterval,
        @DefaultValue("250ms") Duration followIntervalBusy,
        @DefaultValue("5s") Duration settle,
        @DefaultValue("200") int batchMax,
        @DefaultValue("08:00") String digestAt,
        @DefaultValue("true") boolean smsEnabled,
        @DefaultValue("outgoing") java.util.List<String> smsKinds,
        Map<String, Long> smsMinAmountMinor,
        @DefaultValue("30m") Duration pageTtl,
        @DefaultValue SmsReports smsReports) {

    /** Without settings: 100.00 in the euro, pound, dollar and franc; 10,000 rubles; 1,000 yuan. */
    static final Map<String, Long> SMS_MIN_AMOUNT_DEFAULTS =
            Map.of("EUR", 10_000L, "GBP", 10_000L, "USD", 10_000L, "CHF", 10_000L, "RUB", 1_000_000L, "CNY", 100_000L);

    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final Pattern HH_MM = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]");

    public AlertsProperties {
        require(
                !followInterval.isNegative()
                        && !followInterval.isZero()
                        && followInterval.compareTo(Duration.ofMinutes(10)) <= 0,
                "follow-interval must be positive and at most 10m");
        require(
                followIntervalBusy != null
                        && followIntervalBusy.compareTo(Duration.ofMillis(10)) >= 0
                        && followIntervalBusy.compareTo(followInterval) <= 0,
                "follow-interval-busy must be 10ms or more and at most follow-interval");
        require(!settle.isNegative() && settle.compareTo(Duration.ofMinutes(5)) <= 0, "settle must be 0..5m");
        require(
                batchMax >= 1 && batchMax <= Ledger.JOURNAL_PAGE_MAX,
                "batch-max must be 1.." + Ledger.JOURNAL_PAGE_MAX + " (the ledger's journal page maximum)");
        require(digestAt != null && HH_MM.matcher(digestAt).matches(), "digest-at must be a local time HH:mm");
        require(
                pageTtl != null
                        && !pageTtl.isNegative()
                        && !pageTtl.isZero()
                        && pageTtl.compareTo(Duration.ofDays(1)) <= 0,
                "page-ttl must be positive and at most 1d");
        smsKinds = smsKinds == null ? java.util.List.of() : java.util.List.copyOf(smsKinds);
        smsKinds.forEach(k -> require(
                AlertKind.fromWireName(k).isPresent(), "sms-kinds: " + k + " is not one of incoming, outgoing, fee"));
        smsMinAmountMinor = org.socialbank.shared.CurrencyDefaults.merged(SMS_MIN_AMOUNT_DEFAULTS, smsMinAmountMinor);
        smsMinAmountMinor.forEach((currency, min) -> require(
                CURRENCY.matcher(currency).matches() && min != null && min >= 0,
                "sms-min-amount-minor." + currency + " must be a currency code and an amount >= 0"));
        smsReports = smsReports == null ? SmsReports.DEFAULTS : smsReports;
    }

    /**
     * The janitor of accepted alert SMS ({@code socialbank.alerts.sms-reports.*}, review 2026-12-07
     * alerts follow-up): an SMS the gateway answered PENDING is ACCEPTED (and one it answered
     * UNKNOWN with its id stays UNKNOWN) until the gateway is asked what became of it.
     *
     * @param recheckAfter how long an accepted SMS waits before the gateway is asked about it, and
     *     between two questions while there is no report yet
     * @param waitMax how long after the alert was queued as an SMS a report is waited for: then,
     *     still without one, the SMS is UNKNOWN (counted and logged for operations) and never asked
     *     about again
     * @param batchMax the most SMS one round asks about (each is a call to the gateway)
     * @param interval how long the janitor waits between two rounds: it runs on its own schedule,
     *     never in the follower's round, so a slow report API never delays an alert (review
     *     2026-12-07 alerts follow-up)
     * @param roundTimeMax how long one round may keep asking: once spent, it asks no more (the rest
     *     waits for the next round); a question under way finishes, bounded by the gateway's timeout
     */
    public record SmsReports(
            @DefaultValue("5m") Duration recheckAfter,
            @DefaultValue("3d") Duration waitMax,
            @DefaultValue("50") int batchMax,
            @DefaultValue("30s") Duration interval,
            @DefaultValue("20s") Duration roundTimeMax) {

        static final SmsReports DEFAULTS = new SmsReports(
                Duration.ofMinutes(5), Duration.ofDays(3), 50, Duration.ofSeconds(30), Duration.ofSeconds(20));

        public SmsReports {
            require(
                    recheckAfter != null
                            && recheckAfter.compareTo(Duration.ofSeconds(1)) >= 0
                            && recheckAfter.compareTo(Duration.ofDays(1)) <= 0,
                    "sms-reports.recheck-after must be 1s..1d");
            require(
                    waitMax != null
                            && waitMax.compareTo(recheckAfter) > 0
                            && waitMax.compareTo(Duration.ofDays(30)) <= 0,
                    "sms-reports.wait-max must be longer than sms-reports.recheck-after and at most 30d");
            require(batchMax >= 1 && batchMax <= 1000, "sms-reports.batch-max must be 1..1000");
            require(
                    interval != null
                            && interval.compareTo(Duration.ofSeconds(1)) >= 0
                            && interval.compareTo(Duration.ofHours(1)) <= 0,
                    "sms-reports.interval must be 1s..1h");
            require(
                    roundTimeMax != null
                            && roundTimeMax.compareTo(Duration.ofSeconds(1)) >= 0
                            && roundTimeMax.compareTo(Duration.ofMinutes(10)) <= 0,
                    "sms-reports.round-time-max must be 1s..10m");
        }
    }

    LocalTime digestTime() {
        try {
            return LocalTime.parse(digestAt);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("socialbank.alerts.digest-at must be a local time HH:mm", e);
        }
    }

    /** Whether an alert of this kind, amount and currency may go by SMS. */
    boolean smsWorth(AlertKind kind, String currency, long amountMinor) {
        Long min = smsMinAmountMinor.get(currency);
        return smsEnabled && smsKinds.contains(kind.wireName()) && min != null && amountMinor >= min;
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException("socialbank.alerts." + message);
        }
    }
}
