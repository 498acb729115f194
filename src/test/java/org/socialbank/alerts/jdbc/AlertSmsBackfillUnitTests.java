package org.socialbank.alerts.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.socialbank.support.MigrationStores;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Review 2026-12-07 alerts follow-up: {@code V104}'s backfill of {@code alert_sms.report_awaited}
 * had no test on rows that existed before it. A store migrated by Flyway to V100, the last before V104 (on H2 and
 * PostgreSQL) holds rows as the older code wrote them, every status it could leave; migrated on,
 * the rows the janitor must still ask about await a report, and no other does.
 */
class AlertSmsBackfillUnitTests {

    static final Instant QUEUED = Instant.parse("2026-12-01T09:00:00Z");

    static Stream<String> stores() {
        return MigrationStores.kinds();
    }

    /** An old row: its status, the gateway's id, the reason. */
    private record Old(String status, String deliveryId, String reason) {}

    @ParameterizedTest
    @MethodSource("stores")
    @DisplayName("review 2026-12-07 alerts follow-up: V104 marks the accepted rows and the send's UNKNOWN ones with"
            + " an id as awaiting a report; those the janitor gave up on, the abandoned ones and the settled ones not")
    void theBackfillMarksWhatTheJanitorMustStillAsk(String store) {
        MigrationStores.Migrated migrated = MigrationStores.migratedTo(store, "100"); // the last before V104
        JdbcClient jdbc = migrated.jdbc();
        Map<Old, Boolean> expected = new LinkedHashMap<>();
        expected.put(new Old("ACCEPTED", "d-accepted", null), true);
        expected.put(new Old("UNKNOWN", "d-timeout", "read timed out"), true);
        expected.put(new Old("UNKNOWN", "d-no-reason", null), true);
        expected.put(new Old("UNKNOWN", "d-late", "no delivery report within PT72H"), false);
        expected.put(new Old("UNKNOWN", "d-unknown", "the gateway knows no message d-unknown"), false);
        expected.put(new Old("UNKNOWN", null, "the node sending it stopped before the gateway answered"), false);
        expected.put(new Old("UNKNOWN", null, "connection refused"), false);
        expected.put(new Old("SUCCEEDED", "d-delivered", null), false);
        expected.put(new Old("FAILED", "d-failed", "carrier rejected the number"), false);
        expected.put(new Old("FAILED", null, "daily_budget_spent"), false);
        expected.put(new Old("PENDING", null, null), false);
        expected.put(new Old("HANDED", null, null), false);
        Map<UUID, Boolean> byAlert = new LinkedHashMap<>();
        expected.forEach((old, awaited) -> byAlert.put(insert(jdbc, old), awaited));

        migrated.migrate();

        byAlert.forEach((alert, awaited) -> assertThat(awaited(jdbc, alert))
                .as(store + ": " + row(jdbc, alert))
                .isEqualTo(awaited));
        assertThat(new JdbcAlertSms(jdbc).awaitingReport(QUEUED.plusSeconds(3600), 100))
                .extracting(JdbcAlertSms.AwaitingSms::deliveryId)
                .as("what the janitor asks about")
                .containsExactlyInAnyOrder("d-accepted", "d-timeout", "d-no-reason");
        UUID failed = byAlert.keySet().stream().skip(8).findFirst().orElseThrow();
        assertThatThrownBy(() -> jdbc.sql("UPDATE alert_sms SET report_awaited = TRUE WHERE alert_id = ?")
                        .param(failed)
                        .update())
                .as("a FAILED row cannot await a report")
                .isInstanceOf(RuntimeException.class);
    }

    @ParameterizedTest
    @MethodSource("stores")
    @DisplayName("V124 marks the SMS that had failed for good as told before, so no customer is told of an old"
            + " failure; a row still awaiting its report or not settled is left to be told (review 2026-12-07 alert"
            + " follow-up)")
    void theFailuresBeforeV124AreNotToldNow(String store) {
        MigrationStores.Migrated migrated = MigrationStores.migratedTo(store, "100");
        JdbcClient jdbc = migrated.jdbc();
        Map<Old, String> expected = new LinkedHashMap<>();
        expected.put(new Old("FAILED", null, "daily_budget_spent"), "before");
        expected.put(new Old("UNKNOWN", "d-late", "no delivery report within PT72H"), "before");
        expected.put(new Old("UNKNOWN", null, "connection refused"), "before");
        expected.put(new Old("UNKNOWN", "d-timeout", "read timed out"), null); // still asked about
        expected.put(new Old("ACCEPTED", "d-accepted", null), null);
        expected.put(new Old("SUCCEEDED", "d-delivered", null), null);
        Map<UUID, String> byAlert = new LinkedHashMap<>();
        expected.forEach((old, told) -> byAlert.put(insert(jdbc, old), told));

        migrated.migrate();

        byAlert.forEach((alert, told) -> assertThat(jdbc.sql("SELECT failure_told FROM alert_sms WHERE alert_id = ?")
                        .param(alert)
                        .query(String.class)
                        .optional())
                .as(store + ": " + row(jdbc, alert))
                .isEqualTo(java.util.Optional.ofNullable(told)));
        assertThat(new JdbcAlertSms(jdbc).untoldFailures(java.time.Instant.now(), 100))
                .as("nobody to tell")
                .isEmpty();
    }

    /** An alert sent by SMS and its outbox row as the code before V104 left it (no report_awaited). */
    private static UUID insert(JdbcClient jdbc, Old old) {
        UUID alert = UUID.randomUUID();
        UUID customer = UUID.randomUUID();
        OffsetDateTime at = QUEUED.atOffset(ZoneOffset.UTC);
        jdbc.sql("INSERT INTO transaction_alerts (id, transfer_id, account_id, customer_id, kind, amount_minor, "
                        + "currency, balance_after_minor, counterparty, posted_at, status, due_at) "
                        + "VALUES (?, ?, ?, ?, 'outgoing', 5000, 'EUR', 100, 'Bob', ?, 'sms', ?)")
                .params(alert, UUID.randomUUID(), UUID.randomUUID(), customer, at, at)
                .update();
        jdbc.sql(
                        "INSERT INTO alert_sms (alert_id, customer_id, to_e164, text, status, delivery_id, reason, claim_id, "
                                + "created_at, updated_at) VALUES (?, ?, '+33612345678', 'Money out: 50,00 EUR', ?, ?, ?, ?, ?, ?)")
                .params(
                        alert,
                        customer,
                        old.status(),
                        old.deliveryId(),
                        old.reason(),
                        old.status().equals("HANDED") ? UUID.randomUUID() : null,
                        at,
                        at)
                .update();
        return alert;
    }

    private static boolean awaited(JdbcClient jdbc, UUID alert) {
        return jdbc.sql("SELECT report_awaited FROM alert_sms WHERE alert_id = ?")
                .param(alert)
                .query(Boolean.class)
                .single();
    }

    private static String row(JdbcClient jdbc, UUID alert) {
        return jdbc.sql("SELECT status || ' ' || COALESCE(delivery_id, '-') || ' ' || COALESCE(reason, '-') "
                        + "FROM alert_sms WHERE alert_id = ?")
                .param(alert)
                .query(String.class)
                .single();
    }
}
