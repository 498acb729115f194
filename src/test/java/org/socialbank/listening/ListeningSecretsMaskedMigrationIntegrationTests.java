package org.socialbank.listening;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.socialbank.support.PostgresDatabases;
import org.socialbank.support.TestStores;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * V75 on both stores: mentions and spike alerts stored before listening screened them lose their
 * card numbers and PINs; a mention rewritten gets its screened text's key, and so do its
 * corrections; rows without a secret are left as they were.
 */
class ListeningSecretsMaskedMigrationIntegrationTests {

    static final String RAW = "@socialbank my card 4111 1111 1111 1111 PIN 4821 got blocked";
    static final String SCREENED = "@socialbank my card •••• •••• •••• 1111 PIN •••• got blocked";

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    @DisplayName("review 2026-12-07 console #2: mentions and alerts stored before the screening are masked")
    void storedMentionsAndAlertsLoseTheirSecrets(String vendor, @TempDir Path dir) {
        SingleConnectionDataSource data = vendor.equals("h2")
                ? new SingleConnectionDataSource(TestStores.h2Url(dir), "sa", "", true)
                : new SingleConnectionDataSource(PostgresDatabases.create(), PostgresDatabases.user(), "", true);
        try {
            migrate(data, vendor, "74");
            JdbcClient jdbc = JdbcClient.create(data);
            UUID secret = mention(jdbc, RAW, "raw-key");
            UUID plain = mention(jdbc, "the fees went up again", "plain-key");
            jdbc.sql("INSERT INTO listening_corrections (id, mention_id, text_key, sentiment, topic, corrected_at) "
                            + "VALUES (?, ?, 'raw-key', 'negative', NULL, ?)")
                    .params(UUID.randomUUID(), secret, OffsetDateTime.now(ZoneOffset.UTC))
                    .update();
            UUID alert = UUID.randomUUID();
            OffsetDateTime at = OffsetDateTime.now(ZoneOffset.UTC);
            jdbc.sql("INSERT INTO listening_spike_alerts (id, topic, kind, bucket_start, window_start, window_end, "
                            + "mention_count, baseline_milli, severity, words, examples, raised_at) "
                            + "VALUES (?, 'card_blocked', 'VOLUME', ?, ?, ?, 9, 1000, 4, ?, ?, ?)")
                    .params(
                            alert,
                            at,
                            at,
                            at,
                            "blocked 4111111111111111",
                            secret + "\tx\t" + RAW + "\n" + plain + "\tnews\tthe fees went up again",
                            at)
                    .update();

            migrate(data, vendor, "latest");

            assertThat(column(jdbc, "SELECT body FROM listening_mentions WHERE id = ?", secret))
                    .isEqualTo(SCREENED);
            assertThat(column(jdbc, "SELECT text_key FROM listening_mentions WHERE id = ?", secret))
                    .isEqualTo(Mentions.textKey(SCREENED));
            assertThat(column(jdbc, "SELECT text_key FROM listening_corrections WHERE mention_id = ?", secret))
                    .isEqualTo(Mentions.textKey(SCREENED));
            assertThat(column(jdbc, "SELECT text_key FROM listening_mentions WHERE id = ?", plain))
                    .as("no secret, untouched")
                    .isEqualTo("plain-key");
            assertThat(column(jdbc, "SELECT words FROM listening_spike_alerts WHERE id = ?", alert))
                    .isEqualTo("blocked ••••••••••••1111");
            assertThat(column(jdbc, "SELECT examples FROM listening_spike_alerts WHERE id = ?", alert))
                    .isEqualTo(secret + "\tx\t" + SCREENED + "\n" + plain + "\tnews\tthe fees went up again");
        } finally {
            data.destroy();
        }
    }

    private static void migrate(SingleConnectionDataSource data, String vendor, String target) {
        Flyway.configure()
                .dataSource(data)
                .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor)
                .target(target)
                .load()
                .migrate();
    }

    private static UUID mention(JdbcClient jdbc, String body, String key) {
        UUID id = UUID.randomUUID();
        OffsetDateTime at = OffsetDateTime.now(ZoneOffset.UTC);
        jdbc.sql("INSERT INTO listening_mentions (id, source, source_id, body, text_key, language, sentiment, "
                        + "score_milli, topic, corrected, created_at, received_at) "
                        + "VALUES (?, 'x', ?, ?, ?, 'en', 'negative', -800, 'card_blocked', FALSE, ?, ?)")
                .params(id, id.toString(), body, key, at, at)
                .update();
        return id;
    }

    private static String column(JdbcClient jdbc, String sql, UUID id) {
        return jdbc.sql(sql).param(id).query(String.class).single();
    }
}
