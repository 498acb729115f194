package org.socialbank.campaigns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.socialbank.support.MigrationStores;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * V118 on both stores: the campaign audit takes rows; PostgreSQL refuses to change or remove one
 * (H2 has no SQL triggers: there it is insert-only by code); a referral can carry why its reward was
 * refused.
 */
class CampaignAuditMigrationIntegrationTests {

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    @DisplayName("the campaign audit is append-only on PostgreSQL and takes rows on both"
            + " (review 2026-12-07 campaigns follow-up)")
    void theCampaignAuditIsAppendOnly(String kind) {
        JdbcClient jdbc = MigrationStores.migratedTo(kind, "118").jdbc();
        UUID campaign = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        jdbc.sql("INSERT INTO campaigns (id, name, status, created_by, created_at) VALUES (?, 'Audited', 'draft', "
                        + "'token:maker', ?)")
                .params(campaign, now)
                .update();
        jdbc.sql("INSERT INTO campaign_audit (id, campaign_id, action, client, client_name, staff, acted_at) "
                        + "VALUES (?, ?, 'defined', 'token:maker', 'maker', NULL, ?)")
                .params(UUID.randomUUID(), campaign, now)
                .update();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM campaign_audit WHERE campaign_id = ?")
                        .param(campaign)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThatThrownBy(() -> jdbc.sql("INSERT INTO campaign_audit (id, campaign_id, action, client, acted_at) "
                                + "VALUES (?, ?, 'erased', 'token:maker', ?)")
                        .params(UUID.randomUUID(), campaign, now)
                        .update())
                .as("an action the audit does not know")
                .isInstanceOf(org.springframework.dao.DataAccessException.class);
        if (kind.equals("postgresql")) {
            assertThatThrownBy(() -> jdbc.sql("UPDATE campaign_audit SET client = 'token:other'")
                            .update())
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> jdbc.sql("DELETE FROM campaign_audit").update())
                    .hasMessageContaining("append-only");
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM campaign_referrals WHERE refused_reason IS NOT NULL")
                        .query(Long.class)
                        .single())
                .isZero();
    }
}
