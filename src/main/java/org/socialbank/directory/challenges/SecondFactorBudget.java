package org.socialbank.directory.challenges;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.socialbank.directory.CustomerId;
import org.socialbank.directory.DirectoryProperties;
import org.socialbank.shared.Microseconds;
import org.socialbank.shared.jdbc.Timestamps;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Codes sent and wrong codes typed, per customer, across every link and step-up (security review
 * #6): a password opens any number of links, so a bound per link bounds nothing. Counted in the
 * database over a sliding window, so every node sees the same count; past a limit the customer's
 * second factor is locked for a while and the customer is told. A right password changes nothing
 * here. Call inside the caller's transaction.
 */
@Component
public class SecondFactorBudget {

    private final JdbcClient jdbc;
    private final TransactionTemplate savepoint;
    private final CustomerAlerts alerts;
    private final DirectoryProperties properties;
    private final Clock clock;

    SecondFactorBudget(
            JdbcClient jdbc,
            PlatformTransactionManager transactions,
            CustomerAlerts alerts,
            DirectoryProperties properties,
            Clock clock) {
        this.jdbc = jdbc;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.alerts = alerts;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Locks the customer's budget row (creating it if need be) until the transaction ends, and
     * says until when the second factor is locked out, if it is now.
     */
    public Optional<Instant> hold(CustomerId customer) {
        if (!lockRow(customer)) {
            try {
                savepoint.executeWithoutResult(status -> jdbc.sql("INSERT INTO second_factor_holds "
                                + "(customer_id, locked_until, updated_at) VALUES (?, NULL, ?)")
                        .params(customer.value(), Timestamps.utc(now()))
                        .update());
            } catch (DuplicateKeyException raced) {
                // another request created it first: lock it below like any other
            }
            lockRow(customer);
        }
        return jdbc.sql("SELECT locked_until FROM second_factor_holds WHERE customer_id = ?")
                .param(customer.value())
                .query((rs, n) -> Timestamps.instant(rs, 1))
                .optional()
                .filter(until -> until != null && until.isAfter(now()));
    }

    /** Counts a code sent (held by {@link #hold}); locks the second factor when the budget is spent. */
    public void sent(CustomerId customer) {
        record(customer, "sent", properties.secondFactorCodesMax());
    }

    /** Counts a wrong code (held by {@link #hold}); locks the second factor when the budget is spent. */
    public void wrong(CustomerId customer) {
        record(customer, "wrong", properties.secondFactorFailuresMax());
    }

    /** Deletes events older than the window (the token janitor); returns how many. */
    public int forgetBefore(Instant before, int max) {
        java.util.List<UUID> ids = jdbc.sql("SELECT id FROM second_factor_events WHERE at < ? ORDER BY at LIMIT ?")
                .params(Timestamps.utc(before), max)
                .query(UUID.class)
                .list();
        return ids.isEmpty()
                ? 0
                : jdbc.sql("DELETE FROM second_factor_events WHERE id IN (:ids)")
                        .param("ids", ids)
                        .update();
    }

    private void record(CustomerId customer, String kind, int max) {
        Instant now = now();
        jdbc.sql("INSERT INTO second_factor_events (id, customer_id, kind, at) VALUES (?, ?, ?, ?)")
                .params(UUID.randomUUID(), customer.value(), kind, Timestamps.utc(now))
                .update();
        int count = jdbc.sql("SELECT COUNT(*) FROM second_factor_events WHERE customer_id = ? AND kind = ? AND at > ?")
                .params(customer.value(), kind, Timestamps.utc(now.minus(properties.secondFactorWindow())))
                .query(Integer.class)
                .single();
        if (count >= max) {
            Instant until = now.plus(properties.secondFactorLockout());
            jdbc.sql("UPDATE second_factor_holds SET locked_until = ?, updated_at = ? WHERE customer_id = ?")
                    .params(Timestamps.utc(until), Timestamps.utc(now), customer.value())
                    .update();
            // the window starts again after the lockout: the events that spent it are spent
            jdbc.sql("DELETE FROM second_factor_events WHERE customer_id = ?")
                    .param(customer.value())
                    .update();
            alerts.secondFactorLocked(customer, until);
        }
    }

    private boolean lockRow(CustomerId customer) {
        return jdbc.sql("SELECT customer_id FROM second_factor_holds WHERE customer_id = ? FOR UPDATE")
                .param(customer.value())
                .query(UUID.class)
                .optional()
                .isPresent();
    }

    private Instant now() {
        return Microseconds.now(clock);
    }
}
