package org.socialbank.notifications.dev;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.socialbank.shared.jdbc.Timestamps;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A developer inbox: what the bank "sent" (an SMS, an e-mail) is kept in a table instead, so that a
 * demo node's users and the tests can read their codes. Each message removes all but the newest
 * {@code max}, so the table stays bounded however long a node runs; reads are bounded too. One
 * class for every kind of message: a kind is its table, its columns and its recipient.
 *
 * @param <M> a message as the inbox kept it
 */
public abstract class DevInbox<M> {

    public static final int READ_MAX = 500;

    /**
     * Where a kind of message is kept.
     *
     * @param columns after {@code id}, before {@code created_at}, in the order {@link #keep} gets them
     * @param recipient the column of the address it went to
     * @param caseless whether addresses are compared without case (e-mail), else exactly (E.164)
     */
    protected record Table<M>(
            String name, List<String> columns, String recipient, boolean caseless, RowMapper<M> rows) {}

    private final JdbcClient jdbc;
    private final Clock clock;
    private final int max;
    private final Table<M> table;
    private final String select;

    protected DevInbox(JdbcClient jdbc, Clock clock, int max, Table<M> table) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.max = max;
        this.table = table;
        this.select = "SELECT id, " + String.join(", ", table.columns()) + ", created_at FROM " + table.name();
    }

    /**
     * Keeps a message: delivered, as far as a developer inbox goes; its id is the gateway's id. The
     * insert and the trim need no common transaction: a trim that fails is done by the next message.
     */
    protected UUID keep(Object... values) {
        if (values.length != table.columns().size()) {
            throw new IllegalStateException(table.name() + " takes " + table.columns() + ", not " + values.length);
        }
        UUID id = UUID.randomUUID();
        Object[] row = new Object[values.length + 2];
        row[0] = id;
        System.arraycopy(values, 0, row, 1, values.length);
        row[row.length - 1] = Timestamps.utc(clock.instant());
        jdbc.sql("INSERT INTO " + table.name() + " (id, " + String.join(", ", table.columns())
                        + ", created_at) VALUES (" + "?, ".repeat(row.length - 1) + "?)")
                .params(row)
                .update();
        jdbc.sql("DELETE FROM " + table.name() + " WHERE seq <= (SELECT seq FROM " + table.name()
                        + " ORDER BY seq DESC LIMIT 1 OFFSET ?)")
                .param(max)
                .update();
        return id;
    }

    /** The newest messages to anyone, newest first; {@code limit} is 1 to {@value #READ_MAX}. */
    public List<M> newest(int limit) {
        return jdbc.sql(select + " ORDER BY seq DESC LIMIT ?")
                .param(checkLimit(limit))
                .query(table.rows())
                .list();
    }

    /** The newest messages to one address, newest first; {@code limit} is 1 to {@value #READ_MAX}. */
    public List<M> newestTo(String address, int limit) {
        String where = table.caseless() ? "LOWER(" + table.recipient() + ") = ?" : table.recipient() + " = ?";
        return jdbc.sql(select + " WHERE " + where + " ORDER BY seq DESC LIMIT ?")
                .params(table.caseless() ? address.toLowerCase(Locale.ROOT) : address, checkLimit(limit))
                .query(table.rows())
                .list();
    }

    /** Whether {@code limit} may be read at once (a web adapter checks before it reads). */
    public static boolean readable(int limit) {
        return limit >= 1 && limit <= READ_MAX;
    }

    private static int checkLimit(int limit) {
        if (!readable(limit)) {
            throw new IllegalArgumentException("limit must be 1.." + READ_MAX);
        }
        return limit;
    }
}
