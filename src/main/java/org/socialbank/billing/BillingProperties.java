package org.socialbank.billing;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of billing ({@code socialbank.billing.*}), validated at start-up.
 *
 * @param serviceLabels wire names of the disputed service digits 7, 8 and 9 (else {@code service_N})
 * @param pendingTimeout how long a payment may await its provider's answer after it was sent before
 *     operations are alerted and the customer is told it is still being checked; its money stays
 *     reserved regardless, until the provider answers (the reservation never expires)
 * @param recheckAfter how long a payment stays PENDING or UNKNOWN before the janitor asks the biller
 * @param workerInterval how often the worker sends confirmed payments and the janitor re-checks
 * @param batchMax the most payments one round of the worker or the janitor takes
 * @param operators mobile operators for top-ups by id, added to (or replacing) the defaults of
 *     {@link OperatorSettings#defaults()}: Iran's and China's; France's, Russia's and India's are configured
 * @param cardBins issuing banks by BIN, added to (or replacing) Iran's banks of {@link CardBins}
 * @param cardDailyLimitsMinor per currency, the most a customer sends card-to-card in a day (the
 *     bank's zone); a currency without one takes no card-to-card; a configured currency overrides or
 *     adds to the shipped IRR one, which stays
 * @param sandbox the embedded sandbox biller's and operator's settings
 * @param remindBefore how long before a saved bill's due date its reminder is sent (1d..30d)
 * @param reminderInterval how often saved bills are checked for a bill due soon (1m..1d)
 * @param accountBiller the switch paying other countries' billers by account number (issue 15 s1.13)
 * @param voucherPinWait how long after the operator was first asked for a completed voucher's PIN
 *     it may still not have given it before operations are alerted ({@code PIN_NOT_GIVEN}) and the
 *     customer told it is delayed (1m..1d); the worker keeps asking (review 2026-12-07 billing follow-up)
 */
@ConfigurationProperties("socialbank.billing")
public record BillingProperties(
        @DefaultValue Map<Integer, String> serviceLabels,
        @DefaultValue("1d") Duration pendingTimeout,
        @DefaultValue("30s") Duration recheckAfter,
        @DefaultValue("1s") Duration workerInterval,
        @DefaultValue("50") int batchMax,
        @DefaultValue Map<String, OperatorSettings> operators,
        @DefaultValue Map<String, String> cardBins,
        Map<String, Long> cardDailyLimitsMinor,
        @DefaultValue Sandbox sandbox,
        @DefaultValue("3d") Duration remindBefore,
        @DefaultValue("1h") Duration reminderInterval,
        @DefaultValue AccountBillerSettings accountBiller,
        @DefaultValue("15m") Duration voucherPinWait) {

    public BillingProperties {
        serviceLabels = serviceLabels == null ? Map.of() : Map.copyOf(serviceLabels);
        try {
            new ServiceTypes(serviceLabels);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("socialbank.billing.service-labels: " + e.getMessage(), e);
        }
        require(between(pendingTimeout, Duration.ofMinutes(1), Duration.ofDays(30)), "pending-timeout must be 1m..30d");
        require(between(recheckAfter, Duration.ofSeconds(1), Duration.ofHours(1)), "recheck-after must be 1s..1h");
        require(recheckAfter.compareTo(pendingTimeout) < 0, "recheck-after must be shorter than pending-timeout");
        require(
                between(workerInterval, Duration.ofMillis(100), Duration.ofMinutes(10)),
                "worker-interval must be 100ms..10m");
        require(batchMax >= 1 && batchMax <= 1000, "batch-max must be 1..1000");
        require(between(voucherPinWait, Duration.ofMinutes(1), Duration.ofDays(1)), "voucher-pin-wait must be 1m..1d");
        require(between(remindBefore, Duration.ofDays(1), Duration.ofDays(30)), "remind-before must be 1d..30d");
        require(
                between(reminderInterval, Duration.ofMinutes(1), Duration.ofDays(1)),
                "reminder-interval must be 1m..1d");
        Map<String, OperatorSettings> merged = new java.util.HashMap<>(OperatorSettings.defaults());
        merged.putAll(operators == null ? Map.of() : operators);
        require(
                merged.keySet().stream().allMatch(id -> id.matches("[a-z][a-z0-9_]{0,31}")),
                "operators: an id is 1 to 32 characters of a-z 0-9 _");
        require(merged.size() <= 100, "operators: at most 100");
        operators = Map.copyOf(merged);
        cardBins = cardBins == null ? Map.of() : Map.copyOf(cardBins);
        try {
            new CardBins(cardBins);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("socialbank.billing.card-bins: " + e.getMessage(), e);
        }
        cardDailyLimitsMinor =
                org.socialbank.shared.CurrencyDefaults.merged(Map.of("IRR", 100_000_000L), cardDailyLimitsMinor);
        require(
                cardDailyLimitsMinor.entrySet().stream()
                        .allMatch(e -> e.getValue() != null
                                && e.getValue() > 0
                                && org.socialbank.shared.CurrencyCode.find(e.getKey())
                                        .isPresent()),
                "card-daily-limits-minor: a supported currency and a positive amount each");
    }

    Operators operatorTable() {
        return new Operators(operators);
    }

    ServiceTypes serviceTypes() {
        return new ServiceTypes(serviceLabels);
    }

    /**
     * The embedded sandbox biller.
     *
     * @param refuseBills bill ids the sandbox refuses to be paid ({@code bill_refused})
     */
    public record Sandbox(@DefaultValue List<String> refuseBills) {

        public static final int REFUSE_BILLS_MAX = 1000;

        public Sandbox {
            refuseBills = refuseBills == null ? List.of() : List.copyOf(refuseBills);
            require(refuseBills.size() <= REFUSE_BILLS_MAX, "sandbox.refuse-bills has more than " + REFUSE_BILLS_MAX);
        }
    }

    /**
     * The switch of account-number bills ({@link AccountBiller}): with a {@code url}, the HTTP
     * protocol of {@code docs/account-biller-protocol.md}; without one, the embedded sandbox.
     *
     * @param url the switch's base URL ({@code /inquiries}, {@code /payments}, {@code /payments/status} under it)
     * @param secret the HMAC-SHA256 key both sides sign their bodies with (32 characters at least); required with a url
     * @param timeout the longest one call may take (100ms..30s); shorter than {@code recheck-after}
     * @param quoteTtl how long an inquiry's amount may be paid after the biller gave it (1m..1d)
     */
    public record AccountBillerSettings(
            java.net.URI url,
            String secret,
            @DefaultValue("5s") Duration timeout,
            @DefaultValue("30m") Duration quoteTtl) {

        public static final int SECRET_LENGTH_MIN = 32;

        public AccountBillerSettings {
            require(
                    url == null
                            || url.isAbsolute() && ("https".equals(url.getScheme()) || "http".equals(url.getScheme())),
                    "account-biller.url must be an absolute http(s) URL");
            require(
                    url == null || secret != null && secret.length() >= SECRET_LENGTH_MIN,
                    "account-biller.secret must have " + SECRET_LENGTH_MIN + " characters at least with a url");
            require(
                    between(timeout, Duration.ofMillis(100), Duration.ofSeconds(30)),
                    "account-biller.timeout must be 100ms..30s");
            require(
                    between(quoteTtl, Duration.ofMinutes(1), Duration.ofDays(1)),
                    "account-biller.quote-ttl must be 1m..1d");
        }

        @Override
        public String toString() { // never the secret
            return "AccountBillerSettings[url=" + url + ", timeout=" + timeout + ", quoteTtl=" + quoteTtl + "]";
        }
    }

    /**
     * Refuses to start when one call to a provider could outlast {@code recheck-after}: the janitor
     * would then ask about a payment whose first call is still running.
     */
    void requireRecheckAfterLongerThan(Duration providerTimeout, String provider) {
        if (providerTimeout.compareTo(recheckAfter) >= 0) {
            throw new IllegalStateException("socialbank.billing.recheck-after (" + recheckAfter
                    + ") must be longer than the " + provider + "'s timeout (" + providerTimeout + ")");
        }
    }

    private static boolean between(Duration value, Duration min, Duration max) {
        return value != null && value.compareTo(min) >= 0 && value.compareTo(max) <= 0;
    }

    private static void require(boolean valid, String message) {
        if (!valid) {
            throw new IllegalArgumentException("socialbank.billing." + message);
        }
    }
}
