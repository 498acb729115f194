package org.socialbank.shared.jdbc;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import org.socialbank.shared.Durability;
import org.socialbank.shared.Races;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The write path every use case shares: one transaction, run again from the start when it lost
 * a race (a concurrent insert of the same key, a deadlock, a lock timeout; bounded), and an
 * answer only once the commit is durable. Called inside a transaction, it simply joins it: the
 * outermost call retries and waits for durability.
 */
@Component
public class DurableTransactions {

    static final int TRIES_MAX = 4;

    private final TransactionTemplate template;
    private final Durability durability;

    DurableTransactions(PlatformTransactionManager transactions, Durability durability) {
        this.template = new TransactionTemplate(transactions);
        this.durability = durability;
    }

    public <T> T write(Function<TransactionStatus, T> work) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return template.execute(work::apply);
        }
        for (int attempt = 1; ; attempt++) {
            try {
                T result = template.execute(work::apply);
                durability.awaitDurable();
                return result;
            } catch (DataAccessException e) {
                if (attempt >= TRIES_MAX || !Races.lost(e)) {
                    throw e;
                }
                pause(attempt);
            }
        }
    }

    /** Jittered, growing pause so that the losers of a race do not collide again at once. */
    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong((1L << attempt) + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying a transaction", e);
        }
    }
}
