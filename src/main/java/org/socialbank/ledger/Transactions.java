package org.socialbank.ledger;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.socialbank.shared.Races;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs ledger work in a transaction, retrying the whole of it when it lost a race: a concurrent
 * insert of the same id (the retry then finds the row and answers as a replay), a deadlock or a
 * lock wait that timed out. The number of tries is bounded.
 */
@Component
class Transactions {

    private final TransactionTemplate template;
    private final int retriesMax;

    Transactions(TransactionTemplate template, LedgerProperties properties) {
        this.template = template;
        this.retriesMax = properties.retriesMax();
    }

    <T> T run(Supplier<T> work) {
        for (int attempt = 0; ; attempt++) {
            try {
                return template.execute(status -> work.get());
            } catch (DataAccessException e) {
                if (attempt >= retriesMax || !Races.lost(e)) {
                    throw e;
                }
                pause(attempt);
            }
        }
    }

    /** Jittered, growing pause so that the losers of a race do not collide again at once. */
    private static void pause(int attempt) {
        long maxMs = Math.min(50, 1L << Math.min(attempt, 5));
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(maxMs + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying a transaction", e);
        }
    }
}
