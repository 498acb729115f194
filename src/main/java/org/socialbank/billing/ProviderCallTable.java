package org.socialbank.billing;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.socialbank.shared.jdbc.Timestamps;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The part of a payment kind's table that every kind sent to a provider shares (card transfers,
 * top-ups, Iranian bills, account bills): a row by id, locked or not, and the columns
 * {@code status}, {@code sent_at}, {@code updated_at} that say which rows the worker sends and
 * which the janitor re-checks. Each kind's table extends it with its own columns, row mapping and
 * writes.
 *
 * @param <I> the kind's id
 * @param <R> the kind's row
 */
abstract class ProviderCallTable<I, R> {

    protected final JdbcClient jdbc;
    private final String table;
    private final String columns;
    private final RowMapper<R> mapper;
    private final Function<I, UUID> key;
    private final Function<UUID, I> id;
    private final String unsentAlso;

    /**
     * @param columns what a row is read from
     * @param unsentAlso a further condition (" AND ...") an unsent row of this kind meets, or ""
     */
    ProviderCallTable(
            JdbcClient jdbc,
            String table,
            String columns,
            RowMapper<R> mapper,
            Function<I, UUID> key,
            Function<UUID, I> id,
            String unsentAlso) {
        this.jdbc = jdbc;
        this.table = table;
        this.columns = columns;
        this.mapper = mapper;
        this.key = key;
        this.id = id;
        this.unsentAlso = unsentAlso;
    }

    /** The row's key, the payment's id as a UUID. */
    UUID key(I id) {
        return key.apply(id);
    }

    Optional<R> find(I id) {
        return select(id, "");
    }

    /** The row, locked until the transaction ends. */
    Optional<R> lock(I id) {
        return select(id, " FOR UPDATE");
    }

    /** Claims a reserved payment for sending: true for the one caller that set sent_at. */
    boolean claimSend(I id, Instant now) {
        return jdbc.sql("UPDATE " + table + " SET sent_at = ?, updated_at = ? WHERE id = ? "
                                + "AND status = 'PENDING' AND sent_at IS NULL")
                        .params(Timestamps.utc(now), Timestamps.utc(now), key.apply(id))
                        .update()
                == 1;
    }

    /**
     * Moves a payment still to send or re-check behind the others: the worker's order is by
     * {@code updated_at}, so a payment that failed to book does not come first in every round.
     */
    void later(I id, Instant now) {
        jdbc.sql("UPDATE " + table + " SET updated_at = ? WHERE id = ? AND status IN ('PENDING', 'UNKNOWN')")
                .params(Timestamps.utc(now), key.apply(id))
                .update();
    }

    /** Reserved payments nobody has sent yet, oldest first. */
    List<I> unsent(int limit) {
        return jdbc.sql("SELECT id FROM " + table + " WHERE status = 'PENDING' AND sent_at IS NULL" + unsentAlso
                        + " ORDER BY updated_at, id LIMIT ?")
                .param(limit)
                .query((rs, n) -> id.apply(rs.getObject(1, UUID.class)))
                .list();
    }

    /** Sent payments still PENDING or UNKNOWN last touched before {@code before}: the janitor's. */
    List<I> inDoubt(Instant before, int limit) {
        return jdbc.sql("SELECT id FROM " + table + " WHERE status IN ('PENDING', 'UNKNOWN') "
                        + "AND sent_at IS NOT NULL AND updated_at < ? ORDER BY updated_at, id LIMIT ?")
                .params(Timestamps.utc(before), limit)
                .query((rs, n) -> id.apply(rs.getObject(1, UUID.class)))
                .list();
    }

    private Optional<R> select(I id, String lock) {
        return jdbc.sql("SELECT " + columns + " FROM " + table + " WHERE id = ?" + lock)
                .param(key.apply(id))
                .query(mapper)
                .optional();
    }
}
