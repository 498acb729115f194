package org.socialbank.shared;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.TransactionException;

/**
 * Tells an infrastructure fault (the database or the network failed; trying again later may
 * work) from a fault of the work itself (a broken invariant for this one input: trying again
 * fails the same way). Adapters let the platform redeliver the first and settle the second.
 */
public final class Faults {

    /** Causes followed at most, against a cycle. */
    private static final int DEPTH_MAX = 16;

    private Faults() {}

    /** Whether {@code e}, or anything that caused it, is a database, transaction or I/O failure. */
    public static boolean infrastructure(Throwable e) {
        Throwable t = e;
        for (int depth = 0; t != null && depth < DEPTH_MAX; depth++, t = t.getCause()) {
            if (t instanceof DataAccessException
                    || t instanceof TransactionException
                    || t instanceof SQLException
                    || t instanceof IOException
                    || t instanceof UncheckedIOException
                    || t instanceof Error) {
                return true;
            }
        }
        return false;
    }
}
