package org.socialbank.notifications;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.socialbank.shared.Peppers;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of notifications, validated at start-up.
 *
 * @param devInboxMax the most messages the developer inbox keeps; each new one removes the
 *     oldest beyond this
 * @param budgets how many codes the bank sends, per destination, per customer and in all
 * @param devInboxReportsLater whether the developer SMS inbox answers a message PENDING (taken, a
 *     report to come, as most real gateways do) instead of SUCCEEDED, and reports it delivered when
 *     asked: to try the delivery-report path (the alert SMS janitor) without a provider
 * @param budgetKeyPepper the key of the HMAC-SHA256 that names a destination's budget row (review
 *     2026-12-07 notifications follow-up: an unsalted SHA-256 of a phone number is undone by trying
 *     every number), at least {@value #PEPPER_BYTES_MIN} random bytes in base64, usually from the
 *     environment variable {@code SOCIALBANK_NOTIFICATIONS_BUDGET_KEY_PEPPER}, the same on every
 *     node; required outside demo mode (checked at start, {@code NotificationsConfiguration})
 * @param previousBudgetKeyPepper the pepper used before the last switch of {@code
 *     budget-key-pepper}, set for the day of the switch (review 2026-12-07 alerts follow-up): a
 *     number's count of the day under its old key is added to its count under the new one, so a
 *     switch does not give every number a second day's budget; nothing is counted under it. Same
 *     form as the pepper, and never the same value
 */
@ConfigurationProperties("socialbank.notifications")
public record NotificationsProperties(
        @DefaultValue("500") int devInboxMax,
        @DefaultValue Budgets budgets,
        @DefaultValue("false") boolean devInboxReportsLater,
        String budgetKeyPepper,
        String previousBudgetKeyPepper) {

    /** The fewest bytes the budget key's pepper decodes to. */
    public static final int PEPPER_BYTES_MIN = 32;

    static final String PEPPER_NAMES =
            "SOCIALBANK_NOTIFICATIONS_BUDGET_KEY_PEPPER (socialbank.notifications.budget-key-pepper)";

    static final String PREVIOUS_PEPPER_NAMES = "SOCIALBANK_NOTIFICATIONS_PREVIOUS_BUDGET_KEY_PEPPER"
            + " (socialbank.notifications.previous-budget-key-pepper)";

    public NotificationsProperties {
        if (devInboxMax < 1 || devInboxMax > 100_000) {
            throw new IllegalArgumentException("socialbank.notifications.dev-inbox-max must be 1..100000");
        }
        bytes(budgetKeyPepper, PEPPER_NAMES);
        bytes(previousBudgetKeyPepper, PREVIOUS_PEPPER_NAMES);
    }

    /** The pepper's bytes, or empty when none is set (an empty value counts as none). */
    public Optional<byte[]> budgetKeyPepperBytes() {
        return bytes(budgetKeyPepper, PEPPER_NAMES);
    }

    /** The previous pepper's bytes, or empty when none is set. */
    public Optional<byte[]> previousBudgetKeyPepperBytes() {
        return bytes(previousBudgetKeyPepper, PREVIOUS_PEPPER_NAMES);
    }

    @Override
    public String toString() {
        return "NotificationsProperties[devInboxMax=" + devInboxMax + ", budgets=" + budgets
                + ", devInboxReportsLater=" + devInboxReportsLater + ", budgetKeyPepper="
                + (budgetKeyPepperBytes().isPresent() ? "redacted" : "unset") + ", previousBudgetKeyPepper="
                + (previousBudgetKeyPepperBytes().isPresent() ? "redacted" : "unset") + "]";
    }

    private static Optional<byte[]> bytes(String pepper, String names) {
        return pepper == null || pepper.isBlank()
                ? Optional.empty()
                : Optional.of(Peppers.decode(pepper, names, PEPPER_BYTES_MIN));
    }

    /**
     * Budgets of the messages the bank sends (security review #5: SMS pumping). Days are UTC
     * calendar days, hours UTC clock hours; every node counts in the same table.
     *
     * @param perDestinationPerDay messages one phone number (or one e-mail address) may receive in a day
     * @param perCustomerPerDay codes sent to others on one customer's behalf (claim codes for their
     *     payments) in a day, SMS and e-mail together
     * @param globalPerHour messages of one medium (SMS, e-mail) the bank sends in an hour, in all
     * @param denyPrefixes E.164 prefixes no SMS is ever sent to (premium-rate and international
     *     network ranges that SMS pumping aims at)
     */
    public record Budgets(
            @DefaultValue("25") int perDestinationPerDay,
            @DefaultValue("10") int perCustomerPerDay,
            @DefaultValue("1000") int globalPerHour,
            @DefaultValue({"+881", "+882", "+883"}) List<String> denyPrefixes) {

        public static final int DENY_PREFIXES_MAX = 1000;
        private static final Pattern PREFIX = Pattern.compile("\\+[1-9][0-9]{0,14}");

        public Budgets {
            require(
                    perDestinationPerDay >= 1 && perDestinationPerDay <= 10_000,
                    "per-destination-per-day must be 1..10000");
            require(perCustomerPerDay >= 1 && perCustomerPerDay <= 10_000, "per-customer-per-day must be 1..10000");
            require(globalPerHour >= 1 && globalPerHour <= 10_000_000, "global-per-hour must be 1..10000000");
            denyPrefixes = denyPrefixes == null ? List.of() : List.copyOf(denyPrefixes);
            require(denyPrefixes.size() <= DENY_PREFIXES_MAX, "deny-prefixes has more than " + DENY_PREFIXES_MAX);
            require(
                    denyPrefixes.stream().allMatch(p -> PREFIX.matcher(p).matches()),
                    "deny-prefixes must be E.164 prefixes such as +881 (a plus and 1 to 15 digits)");
        }

        private static void require(boolean valid, String message) {
            if (!valid) {
                throw new IllegalArgumentException("socialbank.notifications.budgets." + message);
            }
        }
    }
}
