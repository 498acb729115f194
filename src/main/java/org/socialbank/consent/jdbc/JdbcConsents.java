package org.socialbank.consent.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.socialbank.consent.Consent;
import org.socialbank.consent.ConsentChange;
import org.socialbank.consent.ConsentSource;
import org.socialbank.consent.ConsentStatus;
import org.socialbank.consent.Purpose;
import org.socialbank.shared.Network;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The append-only {@code consent_events} and the current {@code consents} beside them. */
@Repository
public class JdbcConsents {

    private static final String COLUMNS = "e.channel, e.external_user_id, e.purpose, e.status, e.recorded_at, "
            + "e.shown_text, e.evidence, e.source";

    private final JdbcClient jdbc;

    JdbcConsents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Consent> byEvidence(Network channel, Purpose purpose, String evidence) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM consent_events e WHERE e.channel = ? AND e.purpose = ? "
                        + "AND e.evidence = ?")
                .params(channel.wireName(), purpose.wireName(), evidence)
                .query(JdbcConsents::consent)
                .optional();
    }

    /** Appends the change to the history and makes it the current state, in the caller's transaction. */
    public Consent append(ConsentChange change, Instant at) {
        UUID id = UUID.randomUUID();
        OffsetDateTime time = at.atOffset(ZoneOffset.UTC);
        jdbc.sql("INSERT INTO consent_events (id, channel, external_user_id, purpose, status, shown_text, evidence, "
                        + "source, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        id,
                        change.channel().wireName(),
                        change.externalUserId(),
                        change.purpose().wireName(),
                        change.status().wireName(),
                        change.text(),
                        change.evidence(),
                        change.source().wireName(),
                        time)
                .update();
        int updated = jdbc.sql("UPDATE consents SET status = ?, event_id = ?, changed_at = ? WHERE channel = ? "
                        + "AND external_user_id = ? AND purpose = ?")
                .params(
                        change.status().wireName(),
                        id,
                        time,
                        change.channel().wireName(),
                        change.externalUserId(),
                        change.purpose().wireName())
                .update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO consents (channel, external_user_id, purpose, status, event_id, changed_at) "
                            + "VALUES (?, ?, ?, ?, ?, ?)")
                    .params(
                            change.channel().wireName(),
                            change.externalUserId(),
                            change.purpose().wireName(),
                            change.status().wireName(),
                            id,
                            time)
                    .update();
        }
        return new Consent(
                change.channel(),
                change.externalUserId(),
                change.purpose(),
                change.status(),
                at,
                change.text(),
                change.evidence(),
                change.source());
    }

    public List<Consent> current(Network channel, String externalUserId, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM consents c JOIN consent_events e ON e.id = c.event_id "
                        + "WHERE c.channel = ? AND c.external_user_id = ? ORDER BY c.purpose LIMIT ?")
                .params(channel.wireName(), externalUserId, limit)
                .query(JdbcConsents::consent)
                .list();
    }

    /** The (channel, account) key of a current consent. */
    public record Key(Network channel, String externalUserId) {}

    /** Accounts whose consent for the purpose is given, after a key in (channel, id) order. */
    public List<Key> given(Purpose purpose, Network channel, Network afterChannel, String afterUser, int limit) {
        String after = afterChannel == null ? "" : afterChannel.wireName();
        String afterId = afterUser == null ? "" : afterUser;
        return jdbc.sql("SELECT channel, external_user_id FROM consents WHERE purpose = ? AND status = 'given' "
                        + "AND (? = '' OR channel = ?) AND (channel > ? OR (channel = ? AND external_user_id > ?)) "
                        + "ORDER BY channel, external_user_id LIMIT ?")
                .params(
                        purpose.wireName(),
                        channel == null ? "" : channel.wireName(),
                        channel == null ? "" : channel.wireName(),
                        after,
                        after,
                        afterId,
                        limit)
                .query((rs, n) -> new Key(Network.fromWireName(rs.getString(1)).orElseThrow(), rs.getString(2)))
                .list();
    }

    /**
     * Accounts of one network whose consent for the purpose is given, after an account id: a
     * range of the {@code consents_given} index, however far into a million accounts.
     */
    public List<String> givenOn(Purpose purpose, Network channel, String afterUser, int limit) {
        // ordered by the whole index (consents_given), whose first three columns are fixed here: H2 reads
        // the index in order and stops at the limit only when ORDER BY names the index's columns;
        // ORDER BY external_user_id alone made it sort every later row for each page (quadratic)
        return jdbc.sql("SELECT external_user_id FROM consents WHERE purpose = ? AND status = 'given' AND channel = ? "
                        + "AND external_user_id > ? ORDER BY purpose, status, channel, external_user_id LIMIT ?")
                .params(purpose.wireName(), channel.wireName(), afterUser == null ? "" : afterUser, limit)
                .query(String.class)
                .list();
    }

    private static Consent consent(ResultSet rs, int row) throws SQLException {
        return new Consent(
                Network.fromWireName(rs.getString("channel")).orElseThrow(),
                rs.getString("external_user_id"),
                Purpose.fromWireName(rs.getString("purpose")).orElseThrow(),
                ConsentStatus.fromWireName(rs.getString("status")).orElseThrow(),
                rs.getObject("recorded_at", OffsetDateTime.class).toInstant(),
                rs.getString("shown_text"),
                rs.getString("evidence"),
                ConsentSource.valueOf(rs.getString("source").toUpperCase(java.util.Locale.ROOT)));
    }
}
