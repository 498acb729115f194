package org.socialbank.shared;

import java.sql.SQLException;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.UncategorizedSQLException;

/**
 * Tells a transaction that lost a race (a concurrent insert of the same key, a deadlock, a lock
 * wait that timed out, a serialization failure) from one that failed for good: the first kind is
 * worth running again from the start, on H2 and on PostgreSQL alike.
 */
public final class Races {

    private static final int H2_CONCURRENT_UPDATE = 90131;

    private Races() {}

    public static boolean lost(DataAccessException e) {
        if (e instanceof DuplicateKeyException
                || e instanceof ConcurrencyFailureException
                || e instanceof TransientDataAccessException) {
            return true;
        }
        if (e instanceof UncategorizedSQLException u && u.getSQLException() != null) {
            SQLException sql = u.getSQLException();
            return sql.getErrorCode() == H2_CONCURRENT_UPDATE
                    || "40001".equals(sql.getSQLState())
                    || "40P01".equals(sql.getSQLState());
        }
        return false;
    }
}
