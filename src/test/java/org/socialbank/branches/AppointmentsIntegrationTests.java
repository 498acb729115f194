package org.socialbank.branches;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socialbank.directory.CustomerId;
import org.socialbank.shared.Language;
import org.socialbank.support.Api;
import org.socialbank.support.Api.Response;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import tools.jackson.databind.JsonNode;

/**
 * The Contract endpoints of issue 16 section 5 over real HTTP on H2: branches, a day's slots,
 * booking with its replay and conflicts, the refusals, cancel and reschedule, and the reminder
 * job the day before, run twice and at once, sending once.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"socialbank.web.secure-cookies=false", "socialbank.services.appointments.reminders-enabled=false"
        })
@Import({AppointmentsIntegrationTests.Fakes.class, AppointmentTestClock.class})
class AppointmentsIntegrationTests extends AppointmentTestBase {

    /** A Wednesday, 9:00 in Paris. */
    static final Instant NOW = AppointmentTestClock.NOW;

    @LocalServerPort
    int port;

    @Autowired
    AppointmentReminders reminders;

    @Autowired
    Reminded reminded;

    Api api;

    @BeforeEach
    void api() {
        api = new Api(port);
    }

    @Test
    void listsBranchesWithTheirServicesAndHours() {
        String branch = fixtures.parisBranch(2);
        Response list = api.get("/api/v1/branches");
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        JsonNode found = null;
        for (JsonNode b : list.json().path("branches")) {
            if (b.path("id").asString().equals(branch)) {
                found = b;
            }
        }
        assertThat(found).as(list.body()).isNotNull();
        assertThat(found.path("city").asString()).isEqualTo("Paris");
        assertThat(found.path("zone").asString()).isEqualTo("Europe/Paris");
        assertThat(found.path("services").toString()).contains("mortgage", "cards", "cash");
        assertThat(found.path("openingHours")).hasSize(5);
        assertThat(found.path("openingHours").get(0).path("dayOfWeek").asString())
                .isEqualTo("monday");
        assertThat(found.path("openingHours").get(0).path("opens").asString()).isEqualTo("09:00");
        assertThat(found.path("slotMinutes").asInt()).isEqualTo(30);
        assertThat(api.get("/api/v1/branches/" + branch).json().path("name").asString())
                .contains(branch);
        assertThat(api.get("/api/v1/branches/NOPE").code()).isEqualTo("branch_not_found");
    }

    @Test
    void aDaysSlotsCarryTheBranchsOffsetAndThePlacesLeft() {
        String branch = fixtures.parisBranch(2);
        Response slots = api.get("/api/v1/branches/" + branch + "/slots?date=2026-12-03");
        assertThat(slots.status()).as(slots.body()).isEqualTo(200);
        assertThat(slots.json().path("slots")).hasSize(17);
        JsonNode first = slots.json().path("slots").get(0);
        assertThat(first.path("start").asString()).isEqualTo("2026-12-03T09:00:00+01:00");
        assertThat(first.path("capacityLeft").asInt()).isEqualTo(2);
        // today: the slots that have started are gone
        assertThat(api.get("/api/v1/branches/" + branch + "/slots?date=2026-12-02")
                        .json()
                        .path("slots"))
                .hasSize(16);
        assertThat(api.get("/api/v1/branches/" + branch + "/slots?date=2026-12-06")
                        .json()
                        .path("slots"))
                .isEmpty();

        Response bad = api.get("/api/v1/branches/" + branch + "/slots?date=03.12.2026");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.contentType()).startsWith("application/problem+json");
        assertThat(bad.code()).isEqualTo("invalid_request");
        Response missing = api.get("/api/v1/branches/" + branch + "/slots");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.code()).isNotBlank();
        Response unknown = api.get("/api/v1/branches/NOPE-1/slots?date=2026-12-03");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(unknown.code()).isEqualTo("branch_not_found");
    }

    @Test
    void booksOnceReplaysTheIdAndFillsTheSlot() {
        String branch = fixtures.parisBranch(2);
        CustomerId alice = fixtures.customer("Alice Martin", Language.FR);
        UUID id = UUID.randomUUID();
        String start = "2026-12-03T10:00:00+01:00";
        Response booked =
                api.post("/api/v1/appointments", AppointmentFixtures.booking(id, alice, branch, start, "mortgage"));
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        String code = booked.json().path("code").asString();
        assertThat(BookingCodes.isCode(code)).as(code).isTrue();
        assertThat(booked.json().path("status").asString()).isEqualTo("booked");
        assertThat(booked.json().path("start").asString()).isEqualTo(start);

        Response replay = api.post(
                "/api/v1/appointments",
                AppointmentFixtures.booking(
                        id, alice, branch, "2026-12-03T09:00:00Z", "mortgage")); // the same instant, written in UTC
        assertThat(replay.status()).as(replay.body()).isEqualTo(200);
        assertThat(replay.json().path("code").asString()).isEqualTo(code);
        Response reused =
                api.post("/api/v1/appointments", AppointmentFixtures.booking(id, alice, branch, start, "cards"));
        assertThat(reused.status()).isEqualTo(409);
        assertThat(reused.code()).isEqualTo("id_reused");

        CustomerId bob = fixtures.customer("Bob Durand", Language.EN);
        assertThat(api.post(
                                "/api/v1/appointments",
                                AppointmentFixtures.booking(UUID.randomUUID(), bob, branch, start, null))
                        .status())
                .isEqualTo(201);
        Response full = api.post(
                "/api/v1/appointments", AppointmentFixtures.booking(UUID.randomUUID(), bob, branch, start, null));
        assertThat(full.status()).isEqualTo(409);
        assertThat(full.contentType()).startsWith("application/problem+json");
        assertThat(full.code()).isEqualTo("slot_full");
        assertThat(slot(branch, "2026-12-03", start).path("capacityLeft").asInt())
                .isZero();

        Response read = api.get("/api/v1/appointments/" + id);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().path("code").asString()).isEqualTo(code);
        assertThat(read.json().path("service").asString()).isEqualTo("mortgage");
        assertThat(api.get("/api/v1/appointments/" + UUID.randomUUID()).code()).isEqualTo("appointment_not_found");
    }

    @Test
    void badBookingsAreProblemsWithTheirCodes() {
        String branch = fixtures.parisBranch(2);
        CustomerId alice = fixtures.customer("Alice Martin", Language.FR);
        expect(
                AppointmentFixtures.booking(UUID.randomUUID(), alice, branch, "2026-12-03T10:10:00+01:00", null),
                422,
                "not_a_slot_start");
        expect(
                AppointmentFixtures.booking(UUID.randomUUID(), alice, branch, "2026-12-01T10:00:00+01:00", null),
                422,
                "in_the_past");
        expect(
                AppointmentFixtures.booking(UUID.randomUUID(), alice, branch, "2026-12-06T10:00:00+01:00", null),
                422,
                "branch_closed");
        expect(
                AppointmentFixtures.booking(UUID.randomUUID(), alice, branch, "2026-12-03T10:00:00+01:00", "safe"),
                422,
                "service_not_offered");
        expect(
                AppointmentFixtures.booking(
                        UUID.randomUUID(),
                        new CustomerId(UUID.randomUUID()),
                        branch,
                        "2026-12-03T10:00:00+01:00",
                        null),
                422,
                "customer_not_found");
        expect(
                AppointmentFixtures.booking(UUID.randomUUID(), alice, "NOPE-2", "2026-12-03T10:00:00+01:00", null),
                404,
                "branch_not_found");
        expect(
                AppointmentFixtures.booking(UUID.randomUUID(), alice, branch, "tomorrow at ten", null),
                400,
                "invalid_request");
        expect("{\"id\":\"" + UUID.randomUUID() + "\",\"branchId\":\"" + branch + "\"}", 400, "invalid_request");
        expect("{\"id\":", 400, "malformed_request");
    }

    @Test
    void cancelFreesThePlaceAndRescheduleMovesIt() {
        String branch = fixtures.parisBranch(1);
        CustomerId alice = fixtures.customer("Alice Martin", Language.FR);
        UUID id = UUID.randomUUID();
        assertThat(api.post(
                                "/api/v1/appointments",
                                AppointmentFixtures.booking(id, alice, branch, "2026-12-03T11:00:00+01:00", "cash"))
                        .status())
                .isEqualTo(201);
        Response moved =
                api.post("/api/v1/appointments/" + id + "/reschedule", "{\"start\":\"2026-12-04T15:30:00+01:00\"}");
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(moved.json().path("start").asString()).isEqualTo("2026-12-04T15:30:00+01:00");
        assertThat(slot(branch, "2026-12-03", "2026-12-03T11:00:00+01:00")
                        .path("capacityLeft")
                        .asInt())
                .isEqualTo(1);
        assertThat(slot(branch, "2026-12-04", "2026-12-04T15:30:00+01:00")
                        .path("capacityLeft")
                        .asInt())
                .isZero();
        Response notASlot =
                api.post("/api/v1/appointments/" + id + "/reschedule", "{\"start\":\"2026-12-05T10:00:00+01:00\"}");
        assertThat(notASlot.code()).isEqualTo("branch_closed");

        CustomerId bob = fixtures.customer("Bob Durand", Language.EN);
        UUID bobs = UUID.randomUUID();
        assertThat(api.post(
                                "/api/v1/appointments",
                                AppointmentFixtures.booking(bobs, bob, branch, "2026-12-03T11:30:00+01:00", null))
                        .status())
                .isEqualTo(201);
        Response full =
                api.post("/api/v1/appointments/" + bobs + "/reschedule", "{\"start\":\"2026-12-04T15:30:00+01:00\"}");
        assertThat(full.status()).isEqualTo(409);
        assertThat(full.code()).isEqualTo("slot_full");

        Response cancelled = api.post("/api/v1/appointments/" + id + "/cancel", "");
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        assertThat(cancelled.json().path("status").asString()).isEqualTo("cancelled");
        assertThat(api.post("/api/v1/appointments/" + id + "/cancel", "").status())
                .isEqualTo(200);
        assertThat(slot(branch, "2026-12-04", "2026-12-04T15:30:00+01:00")
                        .path("capacityLeft")
                        .asInt())
                .isEqualTo(1);
        Response again =
                api.post("/api/v1/appointments/" + id + "/reschedule", "{\"start\":\"2026-12-04T16:00:00+01:00\"}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("appointment_cancelled");
        assertThat(api.post("/api/v1/appointments/" + UUID.randomUUID() + "/cancel", "")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void theReminderGoesOutTheDayBeforeOnceHoweverOftenTheJobRuns() throws Exception {
        String branch = fixtures.parisBranch(2);
        CustomerId alice = fixtures.customer("Alice Martin", Language.FR);
        UUID later = UUID.randomUUID();
        UUID soon = UUID.randomUUID();
        // 3 December 14:00 in Paris is 29 hours away; 4 December 9:00 is 2 days away
        assertThat(api.post(
                                "/api/v1/appointments",
                                AppointmentFixtures.booking(
                                        later, alice, branch, "2026-12-03T14:00:00+01:00", "mortgage"))
                        .status())
                .isEqualTo(201);
        assertThat(api.post(
                                "/api/v1/appointments",
                                AppointmentFixtures.booking(soon, alice, branch, "2026-12-04T09:00:00+01:00", null))
                        .status())
                .isEqualTo(201);
        reminders.remind();
        assertThat(reminded.of(later)).isEmpty();

        clock.advance(Duration.ofHours(6)); // 15:00 on the 2nd: the 3rd at 14:00 is 23 hours away
        ExecutorService nodes = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> rounds = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                rounds.add(nodes.submit(reminders::remind));
            }
            for (Future<Integer> round : rounds) {
                round.get();
            }
        } finally {
            nodes.shutdownNow();
        }
        reminders.remind();
        assertThat(reminded.of(later)).hasSize(1);
        AppointmentReminderDue due = reminded.of(later).get(0);
        assertThat(due.customerId()).isEqualTo(alice);
        assertThat(due.start()).isEqualTo(Instant.parse("2026-12-03T13:00:00Z"));
        assertThat(due.zone().getId()).isEqualTo("Europe/Paris");
        assertThat(due.code())
                .isEqualTo(appointments
                        .appointment(new AppointmentId(later))
                        .orElseThrow()
                        .code());
        assertThat(reminded.of(soon)).isEmpty();

        clock.advance(Duration.ofDays(1)); // 15:00 on the 3rd: the 4th at 9:00 is due
        reminders.remind();
        reminders.remind();
        assertThat(reminded.of(soon)).hasSize(1);
        assertThat(reminded.of(later)).hasSize(1);
    }

    @Test
    void aRescheduledAppointmentIsRemindedOfItsNewTime() {
        String branch = fixtures.parisBranch(2);
        CustomerId alice = fixtures.customer("Alice Martin", Language.FR);
        UUID id = UUID.randomUUID();
        assertThat(api.post(
                                "/api/v1/appointments",
                                AppointmentFixtures.booking(id, alice, branch, "2026-12-03T15:00:00+01:00", null))
                        .status())
                .isEqualTo(201);
        clock.advance(Duration.ofHours(7)); // 16:00 in Paris on the 2nd
        reminders.remind();
        assertThat(reminded.of(id)).hasSize(1);
        assertThat(api.post("/api/v1/appointments/" + id + "/reschedule", "{\"start\":\"2026-12-07T10:00:00+01:00\"}")
                        .status())
                .isEqualTo(200);
        clock.advance(Duration.ofDays(4)); // 16:00 on the 6th
        reminders.remind();
        reminders.remind();
        assertThat(reminded.of(id))
                .extracting(AppointmentReminderDue::start)
                .containsExactly(Instant.parse("2026-12-03T14:00:00Z"), Instant.parse("2026-12-07T09:00:00Z"));
    }

    private void expect(String body, int status, String code) {
        Response response = api.post("/api/v1/appointments", body);
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.code()).as(response.body()).isEqualTo(code);
    }

    private JsonNode slot(String branch, String date, String start) {
        for (JsonNode slot : api.get("/api/v1/branches/" + branch + "/slots?date=" + date)
                .json()
                .path("slots")) {
            if (slot.path("start").asString().equals(start)) {
                return slot;
            }
        }
        throw new AssertionError("no slot " + start);
    }

    /** The reminders published, as the conversation engine receives them (tests share the store: each reads its own). */
    static class Reminded {

        final List<AppointmentReminderDue> all = new CopyOnWriteArrayList<>();

        @EventListener
        void on(AppointmentReminderDue due) {
            all.add(due);
        }

        List<AppointmentReminderDue> of(UUID id) {
            return all.stream()
                    .filter(d -> d.appointmentId().value().equals(id))
                    .toList();
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Fakes {

        @Bean
        Reminded reminded() {
            return new Reminded();
        }
    }
}
