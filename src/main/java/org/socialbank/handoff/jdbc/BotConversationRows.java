package org.socialbank.handoff.jdbc;

import static org.socialbank.handoff.jdbc.HandoffColumns.utc;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.socialbank.directory.IdentityId;
import org.socialbank.handoff.jdbc.JdbcHandoffs.BotConversation;
import org.socialbank.shared.Language;
import org.socialbank.shared.Network;
import org.socialbank.shared.jdbc.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The conversations the bot answers (no open case owns them), read from the engine's
 * {@code conversations} table for the supervisor's page. Apart because it is the one read that joins
 * outside the handoff's own tables.
 */
final class BotConversationRows {

    private final JdbcClient jdbc;

    BotConversationRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Conversations active since {@code since} that no case owns (the bot answers them), the most
     * recently active first, at most {@code limit}. Reads the engine's {@code conversations} table.
     */
    List<BotConversation> botConversations(Instant since, int limit) {
        return jdbc.sql(
                        "SELECT c.identity_id, c.channel, c.customer_id, cu.language, c.updated_at FROM conversations c "
                                + "LEFT JOIN handoff_owners o ON o.identity_id = c.identity_id "
                                + "LEFT JOIN customers cu ON cu.id = c.customer_id "
                                + "WHERE c.updated_at >= ? AND o.open_case_id IS NULL ORDER BY c.updated_at DESC, c.identity_id LIMIT ?")
                .params(utc(since), limit)
                .query((rs, n) -> new BotConversation(
                        new IdentityId(rs.getObject("identity_id", UUID.class)),
                        Network.fromWireName(rs.getString("channel")).orElseThrow(),
                        Optional.ofNullable(rs.getString("language")).flatMap(Language::fromTag),
                        rs.getObject("customer_id") != null,
                        Timestamps.instant(rs, "updated_at")))
                .list();
    }
}
