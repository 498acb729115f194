package org.socialbank.alerts.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.socialbank.alerts.AlertSmsRows;
import org.socialbank.console.ConsoleStaff;
import org.socialbank.console.Role;
import org.socialbank.console.staff.StaffAccounts;
import org.socialbank.support.Api;
import org.socialbank.support.Api.Response;
import org.socialbank.support.FormClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Review 2026-12-07 alerts follow-up: staff had counters and logs of the alert SMS that failed, no
 * list. Over real HTTP on H2 and PostgreSQL (the twins {@code H2AlertSmsFailuresIntegrationTests},
 * {@code PostgresAlertSmsFailuresIntegrationTests}): {@code GET /api/v1/alerts/sms-failures} (scope {@code
 * alerts:operations}) and the console's page list the FAILED ones and the UNKNOWN ones awaiting no
 * report, the latest first, a page at a time; never the SMS's text (it holds the amount) nor the
 * whole phone number. The rows are written as {@code JdbcAlertSms} leaves them.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"socialbank.conversation.relay-enabled=false", "socialbank.web.secure-cookies=false"})
abstract class AlertSmsFailuresContract {

    static final String OPERATIONS_TOKEN = "alert-sms-operations-0123456789";
    static final String SETTINGS_APP_TOKEN = "alert-sms-settings-app-0123456789";
    static final String PHONE = AlertSmsRows.PHONE;
    static final String AMOUNT = AlertSmsRows.AMOUNT;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    StaffAccounts accounts;

    @Autowired
    java.time.Clock clock;

    ConsoleStaff staff;

    @DynamicPropertySource
    static void clients(DynamicPropertyRegistry registry) {
        registry.add("socialbank.api.clients.operations.token", () -> OPERATIONS_TOKEN);
        registry.add("socialbank.api.clients.operations.scopes", () -> "alerts:operations");
        registry.add("socialbank.api.clients.settings-app.token", () -> SETTINGS_APP_TOKEN);
        registry.add("socialbank.api.clients.settings-app.scopes", () -> "consents:read,consents:write");
    }

    @BeforeEach
    void consoleStaff() {
        staff = new ConsoleStaff(accounts, clock);
    }

    @Test
    @DisplayName("review 2026-12-07 alerts follow-up: the failed alert SMS are listed for alerts:operations, the"
            + " latest first, without their text or the whole number; the sent, accepted and still-asked ones are not;"
            + " consents:read is refused with 403 problem+json")
    void failedAlertSmsAreListed() {
        Instant at = Instant.parse("2031-01-05T10:00:00Z");
        UUID failed = sms("FAILED", null, false, "carrier rejected the number", at.plusSeconds(60));
        UUID unknown = sms("UNKNOWN", "d-" + UUID.randomUUID(), false, "no delivery report within PT48H", at);
        List<UUID> written = List.of(
                failed,
                unknown,
                sms("UNKNOWN", "d-" + UUID.randomUUID(), true, "timed out", at.plusSeconds(30)), // still asked about
                sms("ACCEPTED", "d-" + UUID.randomUUID(), true, null, at.plusSeconds(40)),
                sms("SUCCEEDED", "d-" + UUID.randomUUID(), false, null, at.plusSeconds(50)));

        new AlertSmsRows(jdbc).told(failed, "chat");
        Response listed = operations().get("/api/v1/alerts/sms-failures?since=" + at);
        assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
        List<UUID> mine = ids(listed).stream().filter(written::contains).toList(); // the other tests' are later
        assertThat(mine).containsExactly(failed, unknown);
        JsonNode first = failure(listed, failed);
        assertThat(first.path("status").asString()).isEqualTo("FAILED");
        assertThat(first.path("reason").asString()).isEqualTo("carrier rejected the number");
        assertThat(first.path("kind").asString()).isEqualTo("outgoing");
        assertThat(first.path("phone").asString()).isEqualTo("+•••••••••78");
        assertThat(first.path("settledAt").asString())
                .isEqualTo(at.plusSeconds(60).toString());
        assertThat(first.path("customerId").asString()).isNotBlank();
        assertThat(first.path("failureTold").asString())
                .as("told in her chat (reread 2026-12-08 alert)")
                .isEqualTo("chat");
        assertThat(failure(listed, unknown).path("failureTold").asString()).isEqualTo("not_yet");
        assertThat(listed.toString())
                .doesNotContain(AMOUNT)
                .doesNotContain(PHONE)
                .doesNotContain("612345");

        Response refused = new Api("http://127.0.0.1:" + port, SETTINGS_APP_TOKEN).get("/api/v1/alerts/sms-failures");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
    }

    @Test
    @DisplayName("review 2026-12-07 alerts follow-up: pages of failed alert SMS follow each other by their cursor,"
            + " each failure once, ties on the time kept apart; bad since, limit or cursor answer 400 problem+json")
    void failedAlertSmsArePaged() {
        Instant at =
                Instant.parse("2040-03-01T08:00:00Z"); // the latest of this class's rows: its pages hold only these
        List<UUID> written = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            written.add(sms("FAILED", null, false, "refused " + i, at.plusSeconds(i < 3 ? 10 : i * 20)));
        }

        List<UUID> seen = new ArrayList<>();
        String path = "/api/v1/alerts/sms-failures?limit=2&since=" + at;
        int pages = 0;
        while (path != null) {
            Response page = operations().get(path);
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            seen.addAll(ids(page));
            pages++;
            path = page.json().has("next")
                    ? "/api/v1/alerts/sms-failures?limit=2&since=" + at + "&cursor="
                            + URLEncoder.encode(page.json().path("next").asString(), StandardCharsets.UTF_8)
                    : null;
        }
        assertThat(pages).isEqualTo(3);
        assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(written);
        assertThat(seen.subList(0, 2)).containsExactly(written.get(4), written.get(3));

        for (String bad : List.of("since=yesterday", "limit=0", "limit=201", "cursor=nope")) {
            Response refused = operations().get("/api/v1/alerts/sms-failures?" + bad);
            assertThat(refused.status()).as(bad).isEqualTo(400);
            assertThat(refused.contentType()).as(bad).startsWith("application/problem+json");
        }
    }

    @Test
    @DisplayName("review 2026-12-07 alerts follow-up: the console lists the failed alert SMS to supervisors, masked"
            + " and without their text, audited; an agent is refused")
    void theConsoleListsThemToSupervisors() {
        Instant at = Instant.parse("2033-06-01T09:00:00Z");
        UUID failed = sms("FAILED", null, false, "carrier rejected the number", at);
        UUID accepted = sms("ACCEPTED", "d-" + UUID.randomUUID(), true, null, at.plusSeconds(5));

        FormClient supervisor = staff.signedIn(port, Role.SUPERVISOR);
        FormClient.Page page = supervisor.get("/console/alerts/sms-failures?since=2033-06-01");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.html())
                .contains("data-alert=\"" + failed + "\"")
                .doesNotContain(accepted.toString())
                .contains("+•••••••••78")
                .contains("carrier rejected the number")
                .contains("Money out")
                .doesNotContain(AMOUNT)
                .doesNotContain(PHONE);
        assertThat(supervisor.get("/console").html()).contains("/console/alerts/sms-failures");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM console_audit WHERE what = 'alerts.sms-failures.viewed'")
                        .query(Long.class)
                        .single())
                .isPositive();

        assertThat(staff.signedIn(port, Role.AGENT)
                        .get("/console/alerts/sms-failures")
                        .status())
                .isEqualTo(403);
    }

    private Api operations() {
        return new Api("http://127.0.0.1:" + port, OPERATIONS_TOKEN);
    }

    private static JsonNode failure(Response response, UUID alert) {
        for (JsonNode f : response.json().path("failures")) {
            if (f.path("alertId").asString().equals(alert.toString())) {
                return f;
            }
        }
        throw new AssertionError("no failure " + alert + " in " + response);
    }

    private static List<UUID> ids(Response response) {
        List<UUID> ids = new ArrayList<>();
        response.json()
                .path("failures")
                .forEach(f -> ids.add(UUID.fromString(f.path("alertId").asString())));
        return ids;
    }

    private UUID sms(String status, String deliveryId, boolean awaited, String reason, Instant settledAt) {
        return new AlertSmsRows(jdbc).sms(status, deliveryId, awaited, reason, settledAt);
    }
}
