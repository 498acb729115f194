package org.socialbank.payments;

import static org.socialbank.shared.jdbc.Timestamps.utc;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialbank.directory.CustomerId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Each customer's hourly allowance of alias lookups in the chats (security review #12): resolving
 * "pay +33612345678" to "Bob B." tells whether a number is a customer's and their masked name, so
 * a customer may not do it in bulk. One counter row per customer and clock hour, locked while
 * counted, so the allowance holds across nodes; rows over a day old are deleted.
 */
@Component
class PayeeLookups {

    private static final Logger log = LoggerFactory.getLogger(PayeeLookups.class);
    private static final int FORGET_BATCH_MAX = 1000;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final PaymentsProperties properties;
    private final Clock clock;

    PayeeLookups(JdbcClient jdbc, PlatformTransactionManager transactions, PaymentsProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions);
        this.properties = properties;
        this.clock = clock;
    }

    /** Takes one lookup from the customer's allowance of this hour; false when it is spent. */
    boolean take(CustomerId customer) {
        Instant hour = clock.instant().truncatedTo(ChronoUnit.HOURS);
        return Boolean.TRUE.equals(transactions.execute(status -> {
            Optional<Integer> used = jdbc.sql(
                            "SELECT used FROM payee_lookups WHERE customer_id = ? AND window_start = ? " + "FOR UPDATE")
                    .params(customer.value(), utc(hour))
                    .query(Integer.class)
                    .optional();
            if (used.isEmpty()) {
                // a concurrent first lookup fails on the key and its transaction is retried whole
                jdbc.sql("INSERT INTO payee_lookups (customer_id, window_start, used) VALUES (?, ?, 1)")
                        .params(customer.value(), utc(hour))
                        .update();
                return true;
            }
            if (used.get() >= properties.payeeLookupsPerHour()) {
                return false;
            }
            jdbc.sql("UPDATE payee_lookups SET used = used + 1 WHERE customer_id = ? AND window_start = ?")
                    .params(customer.value(), utc(hour))
                    .update();
            return true;
        }));
    }

    @Scheduled(fixedDelay = 3_600_000, initialDelay = 120_000)
    void forgetOld() {
        try {
            Instant before = clock.instant().minus(Duration.ofDays(1));
            jdbc.sql("DELETE FROM payee_lookups WHERE window_start IN (SELECT window_start FROM payee_lookups "
                            + "WHERE window_start < ? ORDER BY window_start LIMIT ?)")
                    .params(utc(before), FORGET_BATCH_MAX)
                    .update();
        } catch (RuntimeException e) {
            log.warn("Forgetting old payee lookups failed; the next round tries again", e);
        }
    }
}
