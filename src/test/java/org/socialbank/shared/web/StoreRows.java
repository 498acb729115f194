package org.socialbank.shared.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The number of rows of every table of the store, read in one statement: a refused request must
 * leave every count as it was. Counts miss an update in place; a refused request that reaches
 * no existing row (the fuzzer's ids name none) has nothing to update.
 */
final class StoreRows {

    private final JdbcClient jdbc;
    private final String countAll;

    StoreRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
        List<String> tables = jdbc.sql("SELECT table_name FROM information_schema.tables"
                        + " WHERE table_schema IN ('PUBLIC', 'public') AND table_type IN ('BASE TABLE', 'TABLE')"
                        + " ORDER BY table_name")
                .query(String.class)
                .list();
        if (tables.size() < 10) {
            throw new IllegalStateException("the store's tables were not found: " + tables);
        }
        this.countAll = tables.stream()
                .map(t -> "SELECT '" + t + "' AS t, COUNT(*) AS n FROM \"" + t + "\"")
                .collect(Collectors.joining(" UNION ALL "));
    }

    Map<String, Long> count() {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.sql(countAll)
                .query((row, i) -> counts.put(row.getString("t"), row.getLong("n")))
                .list();
        return counts;
    }

    /** The tables whose counts differ ({@code transfers +1}), or an empty text. */
    static String changes(Map<String, Long> before, Map<String, Long> after) {
        return new TreeSet<>(after.keySet())
                .stream()
                        .filter(t -> !after.get(t).equals(before.getOrDefault(t, 0L)))
                        .map(t -> t + " " + String.format("%+d", after.get(t) - before.getOrDefault(t, 0L)))
                        .collect(Collectors.joining(", "));
    }
}
