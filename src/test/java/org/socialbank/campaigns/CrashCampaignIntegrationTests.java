package org.socialbank.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.socialbank.support.Api;
import org.socialbank.support.Await;
import org.socialbank.support.PostgresDatabases;
import org.socialbank.support.ServerProcess;
import org.socialbank.support.TestStores;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import tools.jackson.databind.JsonNode;

/**
 * Issue 17 ("survives a kill -9 mid-send without a duplicate or a lost recipient"): the packaged
 * jar sends a campaign to 150 consenting web-chat accounts at a slow pace, in rounds of ten, and
 * is killed with SIGKILL while recipients are both sent and queued. After a restart the campaign goes on by
 * itself until none is queued, and then every recipient is {@code sent} with exactly one outbox
 * row, the one her recipient row names: nobody got the message twice, nobody was lost. On the
 * embedded H2 file and on PostgreSQL. Runs in the failsafe phase, after 'package'. The test
 * migrates the store itself (the application's own migrations, which the jar then validates) and
 * seeds it before the jar's first start: two starts of the jar per store instead of three (H2) or
 * two plus a wait for the schema (PostgreSQL), which were most of its time.
 */
class CrashCampaignIntegrationTests {

    static final String TOKEN = "crash-campaign-token-0123456789";
    static final String APPROVER = "crash-campaign-approver-0123456789";
    static final String PEPPER = "a3Dqu2rfCglSUYJ6IrOw1JgjrCRKH5XNoUdlLXgRxlc=";
    static final int RECIPIENTS = 150;
    /** A loaded two-core machine has taken more than two minutes to start the jar. */
    static final Duration START = Duration.ofMinutes(6);

    @Test
    void onTheEmbeddedStoreACampaignKilledMidSendResumesWithoutADuplicateOrALoss(@TempDir Path dir) throws Exception {
        String url = TestStores.h2Url(dir.resolve("data"));
        crashAndCheck(dir, url, "sa", () -> new DriverManagerDataSource(url, "sa", ""), true);
    }

    @Test
    void onPostgresACampaignKilledMidSendResumesWithoutADuplicateOrALoss(@TempDir Path dir) throws Exception {
        String url = PostgresDatabases.create();
        crashAndCheck(
                dir,
                url,
                PostgresDatabases.user(),
                () -> new DriverManagerDataSource(url, PostgresDatabases.user(), ""),
                false);
    }

    /** @param embedded the H2 file store (its own migrations), else PostgreSQL */
    private void crashAndCheck(
            Path dir, String url, String user, java.util.function.Supplier<DataSource> data, boolean embedded)
            throws Exception {
        Files.createDirectories(dir);
        Map<String, String> env = new HashMap<>(Map.of(
                "SOCIALBANK_API_TOKEN",
                TOKEN,
                "SOCIALBANK_OTP_PEPPER",
                PEPPER,
                "SPRING_DATASOURCE_URL",
                url,
                "SPRING_DATASOURCE_USERNAME",
                user,
                "SPRING_DATASOURCE_PASSWORD",
                "",
                "SOCIALBANK_API_CLIENTS_APPROVER_TOKEN",
                APPROVER,
                "SOCIALBANK_API_CLIENTS_APPROVER_SCOPES",
                "campaigns:read,campaigns:write",
                "SOCIALBANK_CAMPAIGNS_SEND_INTERVAL",
                "200ms",
                "SOCIALBANK_CAMPAIGNS_MESSAGES_PER_SECOND",
                "20"));
        env.put("SOCIALBANK_CAMPAIGNS_ROUND_MAX", "10");
        int port = ServerProcess.freePort();
        Api api = new Api("http://127.0.0.1:" + port, TOKEN);
        Api approver = new Api("http://127.0.0.1:" + port, APPROVER);
        migrate(data.get(), embedded ? "h2" : "postgresql");
        seed(data.get());
        log("migrated and seeded " + RECIPIENTS + " consenting web-chat accounts");
        try (ServerProcess server = new ServerProcess(dir, env, port)) {
            server.start(START);
            UUID id = approved(api, approver);
            JsonNode before = await(api, id, r -> r.path("sent").asLong() >= 30, Duration.ofMinutes(3));
            server.kill();
            log("killed with " + before.path("sent").asLong() + " sent and "
                    + before.path("queued").asLong() + " queued (read just before)");
            assertThat(before.path("queued").asLong()).as("killed mid-send").isPositive();
            server.start(START);
            log("restarted");
            JsonNode after = await(api, id, r -> r.path("queued").asLong() == 0, Duration.ofMinutes(3));
            assertThat(after.path("sent").asLong()).as("everyone, once").isEqualTo(RECIPIENTS);
            server.stop();
        }
        check(JdbcClient.create(data.get()));
    }

    private static void check(JdbcClient jdbc) {
        assertThat(jdbc.sql("SELECT COUNT(*) FROM campaign_recipients WHERE status = 'sent'")
                        .query(Long.class)
                        .single())
                .isEqualTo(RECIPIENTS);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM outbox_messages o JOIN channel_identities i ON i.id = o.identity_id "
                                + "WHERE i.external_id LIKE 'crash-%'")
                        .query(Long.class)
                        .single())
                .as("one outbox row per recipient, none twice")
                .isEqualTo(RECIPIENTS);
        assertThat(jdbc.sql("SELECT COUNT(DISTINCT o.identity_id) FROM outbox_messages o JOIN campaign_recipients r "
                                + "ON r.message_id = o.id")
                        .query(Long.class)
                        .single())
                .as("each recipient's row names her own outbox row")
                .isEqualTo(RECIPIENTS);
    }

    private static UUID approved(Api api, Api approver) {
        UUID id = UUID.randomUUID();
        LocalTime away = LocalTime.now(ZoneOffset.UTC).plusHours(13); // quiet hours that hold no zone's now
        Api.Response defined = api.post("/api/v1/campaigns", """
                {"id": "%s", "name": "Crash test", "channel": "webchat", "weeklyCap": 50,
                 "quietHours": {"from": "%s", "to": "%s"}, "texts": {"en": "An offer that survives a crash."}}""".formatted(id, hhmm(away), hhmm(away.plusHours(1))));
        assertThat(defined.status()).as(defined.body()).isEqualTo(201);
        Api.Response approved = approver.post("/api/v1/campaigns/" + id + "/approve", "");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        return id;
    }

    /** Polls the campaign's recipients until {@code done} holds; answers the last reading. */
    private static JsonNode await(Api api, UUID id, Predicate<JsonNode> done, Duration atMost) {
        return Await.until(
                () -> api.get("/api/v1/campaigns/" + id).json().path("recipients"),
                done,
                atMost,
                last -> "the campaign's recipients to reach the state; last read " + last);
    }

    /** The application's own migrations, as the jar runs them at start (it finds them applied and valid). */
    private static void migrate(DataSource data, String vendor) {
        org.flywaydb.core.Flyway.configure()
                .dataSource(data)
                .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor)
                .load()
                .migrate();
    }

    /** Web-chat accounts with a reachable chat and a given marketing consent, in SQL. */
    private static void seed(DataSource data) throws Exception {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        try (Connection c = data.getConnection();
                PreparedStatement event =
                        c.prepareStatement("INSERT INTO consent_events (id, channel, external_user_id, "
                                + "purpose, status, shown_text, evidence, source, recorded_at) VALUES (?, 'webchat', ?, "
                                + "'marketing', 'given', 'Offers? Yes', ?, 'api', ?)");
                PreparedStatement consent =
                        c.prepareStatement("INSERT INTO consents (channel, external_user_id, purpose, "
                                + "status, event_id, changed_at) VALUES ('webchat', ?, 'marketing', 'given', ?, ?)");
                PreparedStatement identity = c.prepareStatement("INSERT INTO channel_identities (id, channel, "
                        + "external_id, reachable, created_at) VALUES (?, 'webchat', ?, TRUE, ?)")) {
            c.setAutoCommit(false);
            for (int i = 0; i < RECIPIENTS; i++) {
                String account = String.format("crash-%05d", i);
                UUID eventId = UUID.randomUUID();
                event.setObject(1, eventId);
                event.setString(2, account);
                event.setString(3, "seed-" + account);
                event.setObject(4, now);
                event.addBatch();
                consent.setString(1, account);
                consent.setObject(2, eventId);
                consent.setObject(3, now);
                consent.addBatch();
                identity.setObject(1, UUID.randomUUID());
                identity.setString(2, account);
                identity.setObject(3, now);
                identity.addBatch();
            }
            event.executeBatch();
            consent.executeBatch();
            identity.executeBatch();
            c.commit();
        }
    }

    private static String hhmm(LocalTime t) {
        return String.format("%02d:%02d", t.getHour(), t.getMinute());
    }

    private static void log(String event) {
        System.out.println(Instant.now() + " campaign crash test: " + event);
    }
}
