package org.socialbank.listening.cases;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.socialbank.listening.MentionId;
import org.socialbank.listening.Spike;
import org.socialbank.listening.Topic;
import org.socialbank.shared.Secrets;
import org.socialbank.shared.Uuids;
import org.socialbank.shared.jdbc.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Spike alerts in SQL: raised once per topic, kind and bucket (a UNIQUE constraint). */
@Repository
class SpikeAlertStore {

    private static final String COLUMNS = "id, topic, kind, window_start, window_end, mention_count, baseline_milli, "
            + "severity, words, examples, raised_at, acknowledged_at, acknowledged_by";

    private final JdbcClient jdbc;

    SpikeAlertStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether an alert of this topic and kind was raised at or after {@code since}. */
    boolean raisedSince(Topic topic, Spike.Kind kind, Instant since) {
        return jdbc.sql("SELECT COUNT(*) FROM listening_spike_alerts WHERE topic = ? AND kind = ? AND raised_at >= ?")
                        .params(topic.wireName(), kind.name(), Timestamps.utc(since))
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Throws {@code DuplicateKeyException} when another node raised it for the same bucket. */
    void insert(SpikeAlert a, Instant bucketStart) {
        jdbc.sql("INSERT INTO listening_spike_alerts (" + COLUMNS + ", bucket_start) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, ?)")
                .params(
                        a.id(),
                        a.topic().wireName(),
                        a.kind().name(),
                        Timestamps.utc(a.windowStart()),
                        Timestamps.utc(a.windowEnd()),
                        a.count(),
                        Math.round(a.baselineMean() * 1000),
                        a.severity(),
                        String.join(" ", a.words()),
                        examples(a.examples()),
                        Timestamps.utc(a.raisedAt()),
                        Timestamps.utc(bucketStart))
                .update();
    }

    List<SpikeAlert> newest(boolean openOnly, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM listening_spike_alerts"
                        + (openOnly ? " WHERE acknowledged_at IS NULL" : "")
                        + " ORDER BY raised_at DESC, id FETCH FIRST " + limit + " ROWS ONLY")
                .query(SpikeAlertStore::row)
                .list();
    }

    boolean acknowledge(UUID id, String who, Instant now) {
        return jdbc.sql("UPDATE listening_spike_alerts SET acknowledged_at = ?, acknowledged_by = ? "
                                + "WHERE id = ? AND acknowledged_at IS NULL")
                        .params(Timestamps.utc(now), who, id)
                        .update()
                == 1;
    }

    private static String examples(List<SpikeAlert.Example> examples) {
        return examples.stream()
                .map(e -> e.mentionId() + "\t" + e.source() + "\t" + flat(e.text()))
                .collect(Collectors.joining("\n"));
    }

    private static String flat(String text) {
        return text.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
    }

    private static SpikeAlert row(ResultSet rs, int n) throws SQLException {
        List<SpikeAlert.Example> examples = new ArrayList<>();
        for (String line : rs.getString("examples").split("\n")) {
            String[] parts = line.split("\t", 3);
            if (parts.length == 3) {
                examples.add(new SpikeAlert.Example(
                        new MentionId(Uuids.parse(parts[0]).orElseThrow()),
                        parts[1],
                        Secrets.screen(parts[2]).text()));
            }
        }
        // an alert raised before examples and words were stored screened is screened as read
        // (review 2026-12-07 console #2)
        String words = Secrets.screen(rs.getString("words")).text();
        return new SpikeAlert(
                rs.getObject("id", UUID.class),
                Topic.fromWireName(rs.getString("topic")).orElseThrow(),
                Spike.Kind.valueOf(rs.getString("kind")),
                Timestamps.instant(rs, "window_start"),
                Timestamps.instant(rs, "window_end"),
                rs.getInt("mention_count"),
                rs.getLong("baseline_milli") / 1000.0,
                rs.getInt("severity"),
                words.isEmpty() ? List.of() : Arrays.asList(words.split(" ")),
                examples,
                Timestamps.instant(rs, "raised_at"),
                Timestamps.instant(rs, "acknowledged_at"),
                rs.getString("acknowledged_by"));
    }
}
