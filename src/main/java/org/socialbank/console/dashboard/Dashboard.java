package org.socialbank.console.dashboard;

import static org.socialbank.shared.jdbc.Timestamps.utc;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.socialbank.console.QueueFigures;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the dashboard's numbers from what the bank already stores. Every query is an aggregate
 * over an indexed or bounded range; the hours are 24 small range counts, the same SQL on H2 and
 * PostgreSQL (no vendor date functions).
 */
@Service
public class Dashboard {

    static final int HOURS = 24;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ObjectProvider<QueueFigures> queues;

    Dashboard(JdbcClient jdbc, Clock clock, ObjectProvider<QueueFigures> queues) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.queues = queues;
    }

    @Transactional(readOnly = true)
    public DashboardNumbers read() {
        Instant now = clock.instant();
        QueueFigures figures = queues.getIfAvailable();
        return new DashboardNumbers(
                now,
                conversations(now),
                hours(now),
                sends(),
                alerts(),
                figures == null ? List.of() : figures.queues(now),
                figures == null ? 0 : figures.handedOverSince(now.minus(Duration.ofHours(24))));
    }

    private List<DashboardNumbers.Conversations> conversations(Instant now) {
        return jdbc.sql("SELECT channel, lang, COUNT(*) AS total, SUM(active) AS active FROM ("
                        + "SELECT c.channel AS channel, COALESCE(cu.language, '') AS lang, "
                        + "CASE WHEN c.updated_at >= ? THEN 1 ELSE 0 END AS active "
                        + "FROM conversations c LEFT JOIN customers cu ON cu.id = c.customer_id) t "
                        + "GROUP BY channel, lang ORDER BY channel, lang")
                .param(utc(now.minus(Duration.ofHours(24))))
                .query((rs, n) -> new DashboardNumbers.Conversations(
                        rs.getString("channel"), rs.getString("lang"), rs.getLong("total"), rs.getLong("active")))
                .list();
    }

    private List<DashboardNumbers.Hour> hours(Instant now) {
        Instant first = now.truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(HOURS - 1));
        List<DashboardNumbers.Hour> hours = new ArrayList<>(HOURS);
        for (int i = 0; i < HOURS; i++) {
            Instant start = first.plus(Duration.ofHours(i));
            Instant end = start.plus(Duration.ofHours(1));
            long[] payments = jdbc.sql(
                            "SELECT COUNT(*) AS n, COALESCE(SUM(CASE WHEN status = 'completed' THEN 1 ELSE 0 END), 0) "
                                    + "AS done FROM payments WHERE created_at >= ? AND created_at < ?")
                    .params(utc(start), utc(end))
                    .query((rs, n) -> new long[] {rs.getLong("n"), rs.getLong("done")})
                    .single();
            long transfers = jdbc.sql("SELECT COUNT(*) FROM transfers WHERE created_at >= ? AND created_at < ?")
                    .params(utc(start), utc(end))
                    .query(Long.class)
                    .single();
            hours.add(new DashboardNumbers.Hour(start, payments[0], payments[1], transfers));
        }
        return hours;
    }

    private List<DashboardNumbers.Sends> sends() {
        Map<String, long[]> byChannel = new LinkedHashMap<>();
        jdbc.sql("SELECT channel, status, COUNT(*) AS n FROM outbox_messages GROUP BY channel, status ORDER BY channel")
                .query(rs -> {
                    long[] counts = byChannel.computeIfAbsent(rs.getString("channel"), c -> new long[4]);
                    int slot = switch (rs.getString("status")) {
                        case "PENDING" -> 0;
                        case "SUCCEEDED" -> 1;
                        case "FAILED" -> 2;
                        default -> 3;
                    };
                    counts[slot] += rs.getLong("n");
                });
        List<DashboardNumbers.Sends> sends = new ArrayList<>();
        byChannel.forEach((channel, c) -> sends.add(new DashboardNumbers.Sends(channel, c[0], c[1], c[2], c[3])));
        return sends;
    }

    private List<DashboardNumbers.Count> alerts() {
        return jdbc.sql("SELECT status, COUNT(*) AS n FROM transaction_alerts GROUP BY status ORDER BY status")
                .query((rs, n) -> new DashboardNumbers.Count(rs.getString("status"), rs.getLong("n")))
                .list();
    }
}
