package org.socialbank.campaigns.jdbc;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.socialbank.campaigns.CampaignActor;
import org.socialbank.shared.TimeOrderedIds;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@code campaign_audit}: insert-only here (PostgreSQL's trigger refuses UPDATE and DELETE; H2
 * has no SQL triggers), written in the transaction of the action it records.
 */
@Repository
public class JdbcCampaignAudit {

    private final JdbcClient jdbc;

    JdbcCampaignAudit(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void record(UUID campaignId, String action, CampaignActor who, Instant at) {
        jdbc.sql("INSERT INTO campaign_audit (id, campaign_id, action, client, client_name, staff, acted_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(
                        TimeOrderedIds.next(),
                        campaignId,
                        action,
                        who.client(),
                        who.clientName(),
                        who.staff(),
                        JdbcCampaigns.utc(at))
                .update();
    }

    /** The campaign's audit, oldest first, at most {@code limit} rows. */
    public List<CampaignActor.Entry> of(UUID campaignId, int limit) {
        return jdbc.sql("SELECT acted_at, action, client, client_name, staff FROM campaign_audit WHERE campaign_id = ? "
                        + "ORDER BY acted_at, id LIMIT ?")
                .params(campaignId, limit)
                .query((rs, n) -> new CampaignActor.Entry(
                        rs.getObject(1, OffsetDateTime.class).toInstant(),
                        rs.getString(2),
                        new CampaignActor(rs.getString(3), rs.getString(4), rs.getString(5))))
                .list();
    }
}
