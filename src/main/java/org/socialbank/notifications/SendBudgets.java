package org.socialbank.notifications;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.socialbank.shared.Races;
import org.socialbank.shared.jdbc.Timestamps;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Budgets of the messages the bank sends (security review #5, SMS pumping): per destination per
 * day, per customer on whose behalf codes go to others (a payer's claim codes) per day, per
 * medium per hour, and a deny-list of number prefixes. The counters are rows of {@code
 * send_budgets}, locked while counted, so the budgets hold across nodes. A take joins the
 * caller's transaction (one that rolls back gives its sends back) or runs in its own; two takes
 * that open the same new window at once both count (review 2026-12-07 alerts #2). A destination's
 * row is named by an HMAC-SHA256 of it under a secret pepper, never by a digest anyone can compute.
 * On the day the pepper is switched, the previous pepper (when set) names the row whose count of
 * the day is added, so the switch does not give every number a second day's budget (review
 * 2026-12-07 alerts follow-up).
 */
public class SendBudgets {

    /** Where a message goes. */
    public enum Medium {
        SMS,
        EMAIL;

        String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The answer to a take: the message may go, or which budget said no. */
    public sealed interface Take permits Taken, Refused {}

    public record Taken() implements Take {}

    /**
     * @param reason {@value #DENIED_DESTINATION}, {@value #CUSTOMER_DAY}, {@value #DESTINATION_DAY}
     *     or {@value #GLOBAL_HOUR}
     */
    public record Refused(String reason) implements Take {

        public static final String DENIED_DESTINATION = "denied_destination";
        public static final String CUSTOMER_DAY = "customer_daily_budget";
        public static final String DESTINATION_DAY = "destination_daily_budget";
        public static final String GLOBAL_HOUR = "global_hourly_budget";

        public Refused {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** The demo mode's pepper of the budget keys: in this source code, so it hides nothing. */
    static final byte[] DEVELOPMENT_PEPPER =
            "socialbank development budget key pepper: public!".getBytes(StandardCharsets.UTF_8);

    private static final String HMAC = "HmacSHA256";

    /** Looks for a counter's row at most this many times: after a lost insert the winner's row is there. */
    static final int FIRST_USE_TRIES_MAX = 3;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final TransactionTemplate savepoints;
    private final NotificationsProperties.Budgets budgets;
    private final SecretKeySpec pepper;
    private final Optional<SecretKeySpec> previousPepper;
    private final Clock clock;

    SendBudgets(
            JdbcClient jdbc,
            TransactionTemplate transactions,
            NotificationsProperties properties,
            byte[] pepper,
            Clock clock) {
        if (pepper.length < NotificationsProperties.PEPPER_BYTES_MIN) {
            throw new IllegalArgumentException(
                    "the budget key pepper is at least " + NotificationsProperties.PEPPER_BYTES_MIN + " bytes");
        }
        this.pepper = new SecretKeySpec(pepper.clone(), HMAC);
        Optional<byte[]> previous = properties.previousBudgetKeyPepperBytes();
        if (previous.isPresent() && Arrays.equals(previous.get(), pepper)) {
            throw new IllegalArgumentException(
                    NotificationsProperties.PREVIOUS_PEPPER_NAMES
                            + " is the current pepper: every number's count would be counted twice; unset it or set the old one");
        }
        this.previousPepper = previous.map(bytes -> new SecretKeySpec(bytes, HMAC));
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.savepoints = new TransactionTemplate(transactions.getTransactionManager());
        this.savepoints.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.budgets = properties.budgets();
        this.clock = clock;
    }

    /**
     * Takes one message to {@code destination} from every budget that applies, or none when one
     * is spent.
     *
     * @param destination an E.164 number for SMS, an address for e-mail
     * @param onBehalfOf the customer who caused the message to go to someone else (the payer of
     *     a claim), counted against {@code per-customer-per-day}; empty for a customer's own codes
     */
    public Take take(Medium medium, String destination, Optional<String> onBehalfOf) {
        Objects.requireNonNull(medium, "medium");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(onBehalfOf, "onBehalfOf");
        if (medium == Medium.SMS && denied(destination)) {
            return new Refused(Refused.DENIED_DESTINATION);
        }
        Instant now = clock.instant();
        Instant day = now.truncatedTo(ChronoUnit.DAYS);
        List<Counter> counters = new ArrayList<>();
        onBehalfOf.ifPresent(customer -> counters.add(
                new Counter("customer:" + customer, day, budgets.perCustomerPerDay(), Refused.CUSTOMER_DAY)));
        counters.add(new Counter(
                destinationKey(medium, destination),
                day,
                budgets.perDestinationPerDay(),
                Refused.DESTINATION_DAY,
                previousPepper.map(previous -> key(previous, medium, destination))));
        counters.add(new Counter(
                "all:" + medium.key(),
                now.truncatedTo(ChronoUnit.HOURS),
                budgets.globalPerHour(),
                Refused.GLOBAL_HOUR));
        return transactions.execute(status -> count(counters));
    }

    /** Whether no SMS may ever go to this number. */
    public boolean denied(String e164) {
        return budgets.denyPrefixes().stream().anyMatch(e164::startsWith);
    }

    /** Forgets counters of windows that ended before {@code before}; at most {@code max}; returns how many. */
    int forgetBefore(Instant before, int max) {
        List<Counter> old = jdbc.sql("SELECT budget_key, window_start FROM send_budgets WHERE window_start < ? "
                        + "ORDER BY window_start LIMIT ?")
                .params(Timestamps.utc(before), max)
                .query((rs, n) -> new Counter(rs.getString(1), Timestamps.instant(rs, 2), 0, ""))
                .list();
        for (Counter c : old) {
            jdbc.sql("DELETE FROM send_budgets WHERE budget_key = ? AND window_start = ?")
                    .params(c.key(), Timestamps.utc(c.window()))
                    .update();
        }
        return old.size();
    }

    /**
     * Locks every counter (in a fixed order, so two takes cannot deadlock), checks all, then counts.
     * A counter's row under the previous pepper is read and locked right after its own, never
     * made and never counted in: a node still on the old pepper counts there until it restarts.
     */
    private Take count(List<Counter> counters) {
        List<Integer> used = new ArrayList<>();
        for (Counter c : counters) {
            used.add(lock(c)
                    + c.previousKey().map(key -> usedSoFar(key, c.window())).orElse(0));
        }
        for (int i = 0; i < counters.size(); i++) {
            if (used.get(i) >= counters.get(i).max()) {
                return new Refused(counters.get(i).reason());
            }
        }
        for (Counter c : counters) {
            jdbc.sql("UPDATE send_budgets SET used = used + 1 WHERE budget_key = ? AND window_start = ?")
                    .params(c.key(), Timestamps.utc(c.window()))
                    .update();
        }
        return new Taken();
    }

    /**
     * The counter's use so far, its row locked. A window's first use inserts the row under a
     * savepoint: when another node inserted the same row a moment before, the insert fails on the
     * key once that node commits, only the savepoint is rolled back, and the row it made is then
     * locked and counted. (Without it the whole take failed, and an alert SMS that never left was
     * recorded as maybe sent.) Portable: no ON CONFLICT, which H2 does not take with a column.
     */
    private int lock(Counter c) {
        for (int attempt = 1; ; attempt++) {
            Optional<Integer> used = locked(c.key(), c.window());
            if (used.isPresent()) {
                return used.get();
            }
            try {
                savepoints.executeWithoutResult(
                        status -> jdbc.sql("INSERT INTO send_budgets (budget_key, window_start, used) VALUES (?, ?, 0)")
                                .params(c.key(), Timestamps.utc(c.window()))
                                .update());
                return 0; // the row is this transaction's, locked until it ends
            } catch (DataAccessException e) {
                if (attempt >= FIRST_USE_TRIES_MAX || !Races.lost(e)) {
                    throw e;
                }
            }
        }
    }

    /** A row's use so far, locked; 0 when there is none (it is not made). */
    private int usedSoFar(String key, Instant window) {
        return locked(key, window).orElse(0);
    }

    private Optional<Integer> locked(String key, Instant window) {
        return jdbc.sql("SELECT used FROM send_budgets WHERE budget_key = ? AND window_start = ? FOR UPDATE")
                .params(key, Timestamps.utc(window))
                .query(Integer.class)
                .optional();
    }

    /**
     * A destination's key: HMAC-SHA256 under the pepper (review 2026-12-07 notifications follow-up).
     * A plain SHA-256 of a phone number held no number in clear but was undone by hashing every
     * number of a country; without the pepper the key names nobody.
     */
    String destinationKey(Medium medium, String destination) {
        return key(pepper, medium, destination);
    }

    private static String key(SecretKeySpec pepper, Medium medium, String destination) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(pepper);
            byte[] digest = mac.doFinal(
                    (medium.key() + ":" + destination.toLowerCase(Locale.ROOT)).getBytes(StandardCharsets.UTF_8));
            return "to:" + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is missing from this JVM", e);
        }
    }

    /** A budget's row; {@code previousKey} names its row under the previous pepper, whose use is added. */
    private record Counter(String key, Instant window, int max, String reason, Optional<String> previousKey) {

        Counter(String key, Instant window, int max, String reason) {
            this(key, window, max, reason, Optional.empty());
        }
    }
}
