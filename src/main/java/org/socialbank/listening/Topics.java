package org.socialbank.listening;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.socialbank.shared.jdbc.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Topics as staff shape them (issue 20 s2): a name of their own for a topic, and merging one topic
 * into another (e.g. card blocked into fraud while a fraud wave makes both one story). A merge
 * files the topic's new mentions under the other one and moves its mentions so far; undoing it
 * lets new mentions have their own topic again (moved ones stay). One level only: a topic that
 * others were merged into is not merged itself, and nothing is merged into a merged topic.
 */
@Service
public class Topics {

    public static final int NAME_LENGTH_MAX = 60;
    public static final int AUTHOR_LENGTH_MAX = 64;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final TransactionTemplate savepoint;

    Topics(JdbcClient jdbc, Clock clock, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /** A topic as staff see it: its own name if they gave one, and where it was merged into. */
    public record Shaped(Topic topic, Optional<String> name, Optional<Topic> mergedInto) {}

    /** What a change came to: done, or refused with a stable code. */
    public sealed interface Change {}

    public record Changed(Shaped topic) implements Change {}

    /**
     * Refused: {@code invalid_name}, {@code same_topic}, {@code already_merged} (the topic is merged
     * already), {@code target_merged} (the target is merged into a third), {@code has_merged_topics}
     * (others were merged into this one), {@code not_merged}.
     */
    public record Refused(String code) implements Change {}

    /** Every topic, in the classifier's order. */
    @Transactional(readOnly = true)
    public List<Shaped> all() {
        Map<Topic, Shaped> rows = rows();
        List<Shaped> out = new ArrayList<>();
        for (Topic t : Topic.values()) {
            out.add(rows.getOrDefault(t, new Shaped(t, Optional.empty(), Optional.empty())));
        }
        return out;
    }

    /** The topic a mention of this topic is filed under now. */
    public Topic resolve(Topic topic) {
        return jdbc.sql("SELECT merged_into FROM listening_topics WHERE topic = ? AND merged_into IS NOT NULL")
                .param(topic.wireName())
                .query(String.class)
                .optional()
                .flatMap(Topic::fromWireName)
                .orElse(topic);
    }

    /** Gives a topic a name of the staff's (blank: back to the built-in name). */
    @Transactional
    public Change rename(Topic topic, String name, String by) {
        String n = name == null ? "" : name.strip();
        if (n.length() > NAME_LENGTH_MAX || n.chars().anyMatch(Character::isISOControl)) {
            return new Refused("invalid_name");
        }
        Shaped now = lock(topic, by);
        jdbc.sql("UPDATE listening_topics SET name = ?, changed_by = ?, changed_at = ? WHERE topic = ?")
                .params(n.isEmpty() ? null : n, by, Timestamps.utc(clock.instant()), topic.wireName())
                .update();
        return new Changed(new Shaped(topic, n.isEmpty() ? Optional.empty() : Optional.of(n), now.mergedInto()));
    }

    /** Merges a topic into another; answers how many mentions were moved with it in {@code Moved}. */
    @Transactional
    public Change merge(Topic from, Topic into, String by) {
        if (from == into) {
            return new Refused("same_topic");
        }
        // both rows locked, in the enum's order, so two merges at once take turns
        Shaped first = lock(from.ordinal() < into.ordinal() ? from : into, by);
        Shaped second = lock(from.ordinal() < into.ordinal() ? into : from, by);
        Shaped source = first.topic() == from ? first : second;
        Shaped target = first.topic() == into ? first : second;
        if (source.mergedInto().isPresent()) {
            return new Refused("already_merged");
        }
        if (target.mergedInto().isPresent()) {
            return new Refused("target_merged");
        }
        if (jdbc.sql("SELECT COUNT(*) FROM listening_topics WHERE merged_into = ?")
                        .param(from.wireName())
                        .query(Long.class)
                        .single()
                > 0) {
            return new Refused("has_merged_topics");
        }
        jdbc.sql("UPDATE listening_topics SET merged_into = ?, changed_by = ?, changed_at = ? WHERE topic = ?")
                .params(into.wireName(), by, Timestamps.utc(clock.instant()), from.wireName())
                .update();
        int moved = jdbc.sql("UPDATE listening_mentions SET topic = ? WHERE topic = ?")
                .params(into.wireName(), from.wireName())
                .update();
        return new Moved(new Shaped(from, source.name(), Optional.of(into)), moved);
    }

    /** Done, and how many mentions a merge moved. */
    public record Moved(Shaped topic, int mentions) implements Change {}

    /** Undoes a merge: new mentions of the topic keep it again; the ones moved stay where they are. */
    @Transactional
    public Change unmerge(Topic topic, String by) {
        Shaped now = lock(topic, by);
        if (now.mergedInto().isEmpty()) {
            return new Refused("not_merged");
        }
        jdbc.sql("UPDATE listening_topics SET merged_into = NULL, changed_by = ?, changed_at = ? WHERE topic = ?")
                .params(by, Timestamps.utc(clock.instant()), topic.wireName())
                .update();
        return new Changed(new Shaped(topic, now.name(), Optional.empty()));
    }

    /** The topic's row, made if missing, locked for the transaction. */
    private Shaped lock(Topic topic, String by) {
        if (by == null || by.isBlank() || by.length() > AUTHOR_LENGTH_MAX) {
            throw new IllegalArgumentException("a change names who made it (1.." + AUTHOR_LENGTH_MAX + " characters)");
        }
        Optional<Shaped> row = select(topic, true);
        if (row.isPresent()) {
            return row.get();
        }
        try {
            // under a savepoint: PostgreSQL aborts a transaction whose statement failed, so a lost
            // race rolls back the savepoint only, and the SELECT below still runs (review 2026-12-07)
            savepoint.executeWithoutResult(
                    status -> jdbc.sql("INSERT INTO listening_topics (topic, changed_by, changed_at) VALUES (?, ?, ?)")
                            .params(topic.wireName(), by, Timestamps.utc(clock.instant()))
                            .update());
        } catch (org.springframework.dao.DuplicateKeyException raced) {
            // another change made the row first: lock theirs
        }
        return select(topic, true).orElseThrow();
    }

    private Optional<Shaped> select(Topic topic, boolean forUpdate) {
        return jdbc.sql("SELECT topic, name, merged_into FROM listening_topics WHERE topic = ?"
                        + (forUpdate ? " FOR UPDATE" : ""))
                .param(topic.wireName())
                .query((rs, n) -> shaped(rs.getString(1), rs.getString(2), rs.getString(3)))
                .optional();
    }

    private Map<Topic, Shaped> rows() {
        Map<Topic, Shaped> rows = new EnumMap<>(Topic.class);
        jdbc.sql("SELECT topic, name, merged_into FROM listening_topics")
                .query((rs, n) -> shaped(rs.getString(1), rs.getString(2), rs.getString(3)))
                .list()
                .forEach(s -> rows.put(s.topic(), s));
        return rows;
    }

    private static Shaped shaped(String topic, String name, String mergedInto) {
        return new Shaped(
                Topic.fromWireName(topic).orElseThrow(),
                Optional.ofNullable(name),
                Optional.ofNullable(mergedInto).flatMap(Topic::fromWireName));
    }
}
