package org.socialbank.campaigns.jdbc;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.socialbank.campaigns.Campaign;
import org.socialbank.directory.Network;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code campaigns}, {@code campaign_texts} and {@code campaign_recipients}. */
@Repository
public class JdbcCampaigns {

    private final JdbcClient jdbc;

    JdbcCampaigns(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A queued recipient, as the sender takes it. */
    public record Recipient(UUID campaignId, Network channel, String externalUserId) {
    }

    public void insert(UUID id, String name, Network channel, Map<String, String> texts, String createdBy, Instant at) {
        jdbc.sql("INSERT INTO campaigns (id, name, channel, status, created_by, created_at) VALUES (?, ?, ?, 'draft', ?, ?)")
                .params(id, name, channel == null ? null : channel.wireName(), createdBy, utc(at)).update();
        texts.forEach((language, text) -> jdbc.sql("INSERT INTO campaign_texts (campaign_id, language, text) "
                + "VALUES (?, ?, ?)").params(id, language, text).update());
    }

    /** The campaign, its row locked when {@code lock}. */
    public Optional<Campaign> find(UUID id, boolean lock) {
        Optional<Campaign> bare = jdbc.sql("SELECT * FROM campaigns WHERE id = ?" + (lock ? " FOR UPDATE" : ""))
                .param(id).query((rs, n) -> new Campaign(id, rs.getString("name"),
                        rs.getString("channel") == null ? null : Network.fromWireName(rs.getString("channel")).orElseThrow(),
                        Map.of(), rs.getString("status"), rs.getString("created_by"), rs.getString("approved_by"),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant(), Map.of())).optional();
        return bare.map(c -> new Campaign(c.id(), c.name(), c.channel(), texts(id), c.status(), c.createdBy(),
                c.approvedBy(), c.createdAt(), counts(id)));
    }

    public void approve(UUID id, String approvedBy, Instant at) {
        jdbc.sql("UPDATE campaigns SET status = 'approved', approved_by = ?, approved_at = ? WHERE id = ?")
                .params(approvedBy, utc(at), id).update();
    }

    public void queue(UUID campaignId, Network channel, String externalUserId, Instant at) {
        jdbc.sql("INSERT INTO campaign_recipients (campaign_id, channel, external_user_id, status, updated_at) "
                + "VALUES (?, ?, ?, 'queued', ?)").params(campaignId, channel.wireName(), externalUserId, utc(at)).update();
    }

    /** Queued recipients, locked for this round (another node's round skips none: it waits). */
    public List<Recipient> queued(int limit) {
        return jdbc.sql("SELECT campaign_id, channel, external_user_id FROM campaign_recipients WHERE status = 'queued' "
                + "ORDER BY campaign_id, channel, external_user_id LIMIT ? FOR UPDATE").param(limit)
                .query((rs, n) -> new Recipient(rs.getObject(1, UUID.class),
                        Network.fromWireName(rs.getString(2)).orElseThrow(), rs.getString(3))).list();
    }

    public void mark(Recipient r, String status, String reason, Instant at) {
        jdbc.sql("UPDATE campaign_recipients SET status = ?, reason = ?, updated_at = ? WHERE campaign_id = ? "
                + "AND channel = ? AND external_user_id = ? AND status = 'queued'")
                .params(status, reason, utc(at), r.campaignId(), r.channel().wireName(), r.externalUserId()).update();
    }

    private Map<String, String> texts(UUID id) {
        Map<String, String> texts = new LinkedHashMap<>();
        jdbc.sql("SELECT language, text FROM campaign_texts WHERE campaign_id = ? ORDER BY language").param(id)
                .query((rs, n) -> texts.put(rs.getString(1), rs.getString(2))).list();
        return texts;
    }

    private Map<String, Long> counts(UUID id) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String status : List.of("queued", "sent", "failed", "opted_out")) {
            counts.put(status, 0L);
        }
        jdbc.sql("SELECT status, COUNT(*) FROM campaign_recipients WHERE campaign_id = ? GROUP BY status").param(id)
                .query((rs, n) -> counts.put(rs.getString(1), rs.getLong(2))).list();
        return counts;
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
