package org.socialbank.listening;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.socialbank.directory.CustomerId;
import org.socialbank.listening.classify.CorrectionMemory;
import org.socialbank.shared.Secrets;
import org.socialbank.shared.jdbc.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Mentions and corrections in SQL; the row mapping stays beside the queries. */
@Repository
class MentionStore {

    private static final String COLUMNS = "id, source, source_id, body, author, customer_id, language, sentiment, "
            + "score_milli, topic, corrected, created_at, received_at, reach";

    private final JdbcClient jdbc;

    MentionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Mention> bySource(String source, String sourceId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM listening_mentions WHERE source = ? AND source_id = ?")
                .params(source, sourceId)
                .query(MentionStore::mention)
                .optional();
    }

    Optional<Mention> byId(MentionId id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM listening_mentions WHERE id = ?")
                .param(id.value())
                .query(MentionStore::mention)
                .optional();
    }

    void insert(Mention m, String textKey) {
        jdbc.sql("INSERT INTO listening_mentions (" + COLUMNS + ", text_key) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        m.id().value(),
                        m.source(),
                        m.sourceId(),
                        m.text(),
                        m.author(),
                        m.customer().map(CustomerId::value).orElse(null),
                        m.language(),
                        m.sentiment().wireName(),
                        (int) Math.round(m.score() * 1000),
                        m.topic().wireName(),
                        m.corrected(),
                        Timestamps.utc(m.createdAt()),
                        Timestamps.utc(m.receivedAt()),
                        m.reach(),
                        textKey)
                .update();
    }

    /** The newest staff correction of this text: sentiment and topic, either possibly null. */
    Optional<Correction> correction(String textKey) {
        return jdbc.sql("SELECT sentiment, topic FROM listening_corrections WHERE text_key = ? "
                        + "ORDER BY corrected_at DESC, id FETCH FIRST 1 ROWS ONLY")
                .param(textKey)
                .query((rs, n) -> new Correction(
                        rs.getString(1) == null
                                ? null
                                : Sentiment.fromWireName(rs.getString(1)).orElseThrow(),
                        rs.getString(2) == null
                                ? null
                                : Topic.fromWireName(rs.getString(2)).orElseThrow()))
                .optional();
    }

    record Correction(Sentiment sentiment, Topic topic) {}

    /** How many corrections there are: they are only ever added, so the count says whether any came. */
    long corrections() {
        return jdbc.sql("SELECT COUNT(*) FROM listening_corrections")
                .query(Long.class)
                .single();
    }

    /**
     * The newest correction of each corrected mention, with its text and language, newest first,
     * at most {@code limit}: what {@link CorrectionMemory} learns from.
     */
    List<CorrectionMemory.Example> correctedExamples(int limit) {
        Map<UUID, CorrectionMemory.Example> newest = new java.util.LinkedHashMap<>();
        jdbc.sql("SELECT c.mention_id, c.sentiment, c.topic, m.body, m.language FROM listening_corrections c "
                        + "JOIN listening_mentions m ON m.id = c.mention_id ORDER BY c.corrected_at DESC, c.id "
                        + "FETCH FIRST " + limit + " ROWS ONLY")
                .query((rs, n) -> Map.entry(
                        rs.getObject(1, UUID.class),
                        new CorrectionMemory.Example(
                                rs.getString(5),
                                CorrectionMemory.words(screened(rs.getString(4))),
                                rs.getString(2) == null
                                        ? null
                                        : Sentiment.fromWireName(rs.getString(2))
                                                .orElseThrow(),
                                rs.getString(3) == null
                                        ? null
                                        : Topic.fromWireName(rs.getString(3)).orElseThrow())))
                .list()
                .forEach(e -> newest.putIfAbsent(e.getKey(), e.getValue()));
        return List.copyOf(newest.values());
    }

    Optional<String> textKey(MentionId id) {
        return jdbc.sql("SELECT text_key FROM listening_mentions WHERE id = ?")
                .param(id.value())
                .query(String.class)
                .optional();
    }

    void correct(MentionId id, String textKey, Correction correction, Instant now) {
        jdbc.sql("INSERT INTO listening_corrections (id, mention_id, text_key, sentiment, topic, corrected_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?)")
                .params(
                        UUID.randomUUID(),
                        id.value(),
                        textKey,
                        correction.sentiment() == null
                                ? null
                                : correction.sentiment().wireName(),
                        correction.topic() == null ? null : correction.topic().wireName(),
                        Timestamps.utc(now))
                .update();
        // only the corrected columns are named: a typeless NULL parameter in COALESCE is refused by PostgreSQL
        if (correction.sentiment() != null) {
            jdbc.sql(
                            "UPDATE listening_mentions SET sentiment = ?, score_milli = CASE WHEN sentiment = ? THEN score_milli "
                                    + "ELSE ? END, corrected = TRUE WHERE id = ?")
                    .params(
                            correction.sentiment().wireName(),
                            correction.sentiment().wireName(),
                            Mentions.scoreOf(correction.sentiment()) * 1000,
                            id.value())
                    .update();
        }
        if (correction.topic() != null) {
            jdbc.sql("UPDATE listening_mentions SET topic = ?, corrected = TRUE WHERE id = ?")
                    .params(correction.topic().wireName(), id.value())
                    .update();
        }
    }

    List<Mention> list(MentionFilter filter) {
        StringBuilder sql = new StringBuilder(
                "SELECT " + COLUMNS + " FROM listening_mentions WHERE created_at >= ? AND created_at < ?");
        List<Object> params = new ArrayList<>(List.of(Timestamps.utc(filter.from()), Timestamps.utc(filter.to())));
        and(sql, params, "source", filter.source());
        and(sql, params, "language", filter.language());
        and(
                sql,
                params,
                "sentiment",
                filter.sentiment() == null ? null : filter.sentiment().wireName());
        and(sql, params, "topic", filter.topic() == null ? null : filter.topic().wireName());
        sql.append(" ORDER BY created_at DESC, id FETCH FIRST ")
                .append(filter.limit())
                .append(" ROWS ONLY");
        return jdbc.sql(sql.toString())
                .params(params)
                .query(MentionStore::mention)
                .list();
    }

    private static void and(StringBuilder sql, List<Object> params, String column, String value) {
        if (value != null) {
            sql.append(" AND ").append(column).append(" = ?");
            params.add(value);
        }
    }

    /** Every mention written in [from, to): created time, topic, sentiment and text, oldest first. */
    List<Mention> between(Instant from, Instant to, int limit) {
        return read(from, to, "created_at, id", limit);
    }

    private List<Mention> read(Instant from, Instant to, String order, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM listening_mentions WHERE created_at >= ? AND created_at < ? "
                        + "ORDER BY " + order + " FETCH FIRST " + limit + " ROWS ONLY")
                .params(Timestamps.utc(from), Timestamps.utc(to))
                .query(MentionStore::mention)
                .list();
    }

    /** The newest mentions written in [from, to), newest first, at most {@code limit}. */
    List<Mention> newest(Instant from, Instant to, int limit) {
        return read(from, to, "created_at DESC, id", limit);
    }

    /** How many mentions were written in [from, to). */
    long count(Instant from, Instant to) {
        return jdbc.sql("SELECT COUNT(*) FROM listening_mentions WHERE created_at >= ? AND created_at < ?")
                .params(Timestamps.utc(from), Timestamps.utc(to))
                .query(Long.class)
                .single();
    }

    /** How many mentions of one language, source, topic and sentiment were written together. */
    record Group(String language, String source, Topic topic, Sentiment sentiment, int count) {}

    /**
     * The mentions written in [from, to) counted by language, source, topic and sentiment: by the
     * database, so no row limit cuts them and no text is read (the dashboard's figures).
     */
    List<Group> groups(Instant from, Instant to) {
        return jdbc.sql("SELECT language, source, topic, sentiment, COUNT(*) FROM listening_mentions "
                        + "WHERE created_at >= ? AND created_at < ? GROUP BY language, source, topic, sentiment")
                .params(Timestamps.utc(from), Timestamps.utc(to))
                .query((rs, n) -> group(rs, 1))
                .list();
    }

    /**
     * The same counts per UTC day (the key), in one GROUP BY whatever the number of days: the day
     * is the whole days since the epoch of the UTC instant, which H2 and PostgreSQL compute alike
     * whatever the session's time zone (a cast to DATE would take the session's).
     */
    Map<LocalDate, List<Group>> groupsByDay(Instant from, Instant to) {
        Map<LocalDate, List<Group>> days = new TreeMap<>();
        jdbc.sql("SELECT utc_day, language, source, topic, sentiment, COUNT(*) FROM (SELECT "
                        + "CAST(FLOOR(EXTRACT(EPOCH FROM created_at) / 86400) AS BIGINT) AS utc_day, language, source, "
                        + "topic, sentiment FROM listening_mentions WHERE created_at >= ? AND created_at < ?) m "
                        + "GROUP BY utc_day, language, source, topic, sentiment")
                .params(Timestamps.utc(from), Timestamps.utc(to))
                .query((org.springframework.jdbc.core.RowCallbackHandler)
                        rs -> days.computeIfAbsent(LocalDate.ofEpochDay(rs.getLong(1)), d -> new ArrayList<>())
                                .add(group(rs, 2)));
        return days;
    }

    /** A group read from the columns language, source, topic, sentiment and count, from {@code first} on. */
    private static Group group(ResultSet rs, int first) throws SQLException {
        return new Group(
                rs.getString(first),
                rs.getString(first + 1),
                Topic.fromWireName(rs.getString(first + 2)).orElse(Topic.OTHER),
                Sentiment.fromWireName(rs.getString(first + 3)).orElseThrow(),
                rs.getInt(first + 4));
    }

    /**
     * How many mentions of each topic were written in [from, to), and how many of them negative
     * ({@code {all, negative}}): counted by the database, so no row limit cuts them (at most one
     * row per topic and sentiment comes back).
     */
    Map<Topic, int[]> counts(Instant from, Instant to) {
        Map<Topic, int[]> counts = new EnumMap<>(Topic.class);
        jdbc.sql("SELECT topic, sentiment, COUNT(*) FROM listening_mentions WHERE created_at >= ? AND created_at < ? "
                        + "GROUP BY topic, sentiment")
                .params(Timestamps.utc(from), Timestamps.utc(to))
                .query((org.springframework.jdbc.core.RowCallbackHandler) rs -> {
                    int[] c = counts.computeIfAbsent(
                            Topic.fromWireName(rs.getString(1)).orElse(Topic.OTHER), t -> new int[2]);
                    int n = rs.getInt(3);
                    c[0] += n;
                    c[1] += Sentiment.NEGATIVE.wireName().equals(rs.getString(2)) ? n : 0;
                });
        return counts;
    }

    /**
     * The text as read: {@link Mentions#record} stores it screened, and a mention stored before it
     * did (review 2026-12-07 console #2) is screened here, so no page, export or scan sees a card
     * number or a PIN it held.
     */
    private static String screened(String body) {
        return Secrets.screen(body).text();
    }

    private static Mention mention(ResultSet rs, int row) throws SQLException {
        UUID customer = rs.getObject("customer_id", UUID.class);
        return new Mention(
                new MentionId(rs.getObject("id", UUID.class)),
                rs.getString("source"),
                rs.getString("source_id"),
                screened(rs.getString("body")),
                rs.getString("author"),
                customer == null ? null : new CustomerId(customer),
                rs.getString("language"),
                Sentiment.fromWireName(rs.getString("sentiment")).orElseThrow(),
                rs.getInt("score_milli") / 1000.0,
                Topic.fromWireName(rs.getString("topic")).orElse(Topic.OTHER),
                rs.getBoolean("corrected"),
                Timestamps.instant(rs, "created_at"),
                Timestamps.instant(rs, "received_at"),
                rs.getObject("reach") == null ? null : rs.getLong("reach"));
    }
}
