package org.socialbank.campaigns.jdbc;

import java.util.Optional;
import org.socialbank.shared.Races;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code campaign_cap_holders}: one row per holder of a weekly cap (a customer, or an unlinked chat
 * account), locked by a sending round while it checks and marks her week's messages (review
 * 2026-12-07 campaigns follow-up), so that two campaigns' rounds on two nodes take turns.
 */
@Repository
public class JdbcCapHolders {

    /** Tries at creating a holder's row that another node created at the same moment. */
    static final int FIRST_USE_TRIES_MAX = 3;

    private final JdbcClient jdbc;
    private final TransactionTemplate savepoints;

    JdbcCapHolders(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.savepoints = new TransactionTemplate(transactions);
        this.savepoints.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /** A customer's holder key: her cap counts every chat of hers. */
    public static String customer(java.util.UUID customerId) {
        return "customer:" + customerId;
    }

    /** An unlinked chat account's holder key. */
    public static String chat(org.socialbank.shared.Network channel, String externalUserId) {
        return "chat:" + channel.wireName() + ":" + externalUserId;
    }

    /**
     * Locks the holder's row until the caller's transaction ends, creating it on first use under a
     * savepoint: when another node inserts the same row a moment before, this insert fails on the key
     * once that node commits, only the savepoint is rolled back, and the row is then locked. Portable:
     * no ON CONFLICT, which H2 does not take with a column (as {@code SendBudgets}).
     */
    public void lock(String holder) {
        for (int attempt = 1; ; attempt++) {
            Optional<String> locked = jdbc.sql("SELECT holder FROM campaign_cap_holders WHERE holder = ? FOR UPDATE")
                    .param(holder)
                    .query(String.class)
                    .optional();
            if (locked.isPresent()) {
                return;
            }
            try {
                savepoints.executeWithoutResult(
                        status -> jdbc.sql("INSERT INTO campaign_cap_holders (holder) VALUES (?)")
                                .param(holder)
                                .update());
                return; // the row is this transaction's, locked until it ends
            } catch (DataAccessException e) {
                if (attempt >= FIRST_USE_TRIES_MAX || !Races.lost(e)) {
                    throw e;
                }
            }
        }
    }
}
