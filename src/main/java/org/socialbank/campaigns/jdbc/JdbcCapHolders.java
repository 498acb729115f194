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
 * 2026-12-07 campaigns follow-up), so that two campaigns' rounds on two nodes take turns. A round
 * never waits for another's holder (reread 2026-12-08 campaigns): it already holds campaign rows,
 * and two rounds waiting on each other's rows in no common order deadlocked.
 */
@Repository
public class JdbcCapHolders {

    /** Tries at creating a holder's row that another node created at the same moment. */
    static final int FIRST_USE_TRIES_MAX = 3;

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;

    JdbcCapHolders(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
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
     * Locks the holder's row until the caller's transaction ends, unless another transaction holds it:
     * then answers false at once ({@code FOR UPDATE SKIP LOCKED}, on H2 and PostgreSQL) and the caller
     * leaves her for a later round. The row is created on first use in a transaction of its own,
     * committed at once, so that no round ever holds an uncommitted row another's insert would wait
     * for; a holder whose row another node created at the same moment is simply read again.
     */
    public boolean tryLock(String holder) {
        for (int attempt = 1; attempt <= FIRST_USE_TRIES_MAX; attempt++) {
            Optional<String> locked = jdbc.sql(
                            "SELECT holder FROM campaign_cap_holders WHERE holder = ? FOR UPDATE SKIP LOCKED")
                    .param(holder)
                    .query(String.class)
                    .optional();
            if (locked.isPresent()) {
                return true;
            }
            if (exists(holder)) {
                return false; // another round holds her row
            }
            try {
                ownTransaction.executeWithoutResult(
                        status -> jdbc.sql("INSERT INTO campaign_cap_holders (holder) VALUES (?)")
                                .param(holder)
                                .update());
            } catch (DataAccessException e) {
                if (!Races.lost(e)) {
                    throw e;
                }
            }
        }
        return false; // created and locked by others each time: busy
    }

    private boolean exists(String holder) {
        return jdbc.sql("SELECT COUNT(*) FROM campaign_cap_holders WHERE holder = ?")
                        .param(holder)
                        .query(Long.class)
                        .single()
                > 0;
    }
}
