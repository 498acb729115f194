package org.socialbank.branches.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.socialbank.branches.Appointment;
import org.socialbank.branches.AppointmentActor;
import org.socialbank.branches.AppointmentId;
import org.socialbank.branches.Appointments;
import org.socialbank.branches.BookingRefusal;
import org.socialbank.branches.BookingRequest;
import org.socialbank.branches.BookingResult;
import org.socialbank.branches.BranchSchedule;
import org.socialbank.directory.CustomerId;
import org.socialbank.shared.web.BadRequest;
import org.socialbank.shared.web.RequiredFields;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Branch appointments: 201 with the booking code, 200 on a replay of the id; 409 {@code slot_full},
 * {@code id_reused}, {@code appointment_cancelled}; 404 {@code branch_not_found},
 * {@code appointment_not_found}; 422 {@code customer_not_found}, {@code in_the_past},
 * {@code too_far_ahead}, {@code service_not_offered}, {@code branch_closed}, {@code not_a_slot_start}.
 * A booking, cancel or move made here is the bank's: the customer is told of it in her private chat.
 */
@RestController
@Tag(name = "Appointments")
@RequestMapping(path = "/api/v1/appointments", produces = MediaType.APPLICATION_JSON_VALUE)
class AppointmentsController {

    private final Appointments appointments;

    AppointmentsController(Appointments appointments) {
        this.appointments = appointments;
    }

    record Body(UUID id, UUID customerId, String branchId, String start, String service, String channel) {}

    record RescheduleBody(String start) {}

    record Json(
            UUID id,
            UUID customerId,
            String branchId,
            OffsetDateTime start,
            String service,
            String code,
            String status,
            Instant createdAt,
            Instant updatedAt) {}

    @Operation(summary = "Book a place in a branch's slot; the id makes it idempotent")
    @ApiResponse(responseCode = "201", description = "the appointment, with its booking code")
    @ApiResponse(responseCode = "200", description = "a replay of the same id and body: the same appointment")
    @ApiResponse(
            responseCode = "409",
            description = "slot_full, id_reused",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(
            responseCode = "404",
            description = "branch_not_found",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(
            responseCode = "422",
            description = "customer_not_found, in_the_past, too_far_ahead, "
                    + "service_not_offered, branch_closed, not_a_slot_start",
            content = @Content(mediaType = "application/problem+json"))
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> book(@RequestBody Body body) {
        RequiredFields.require(
                body.id(), "id", body.customerId(), "customerId", body.branchId(), "branchId", body.start(), "start");
        BookingResult result = appointments.book(
                new BookingRequest(
                        new AppointmentId(body.id()),
                        new CustomerId(body.customerId()),
                        body.branchId(),
                        start(body.start()),
                        body.service(),
                        body.channel() == null ? "api" : body.channel()),
                AppointmentActor.BANK);
        return answer(result, HttpStatus.CREATED);
    }

    @Operation(summary = "An appointment as it is now")
    @ApiResponse(
            responseCode = "404",
            description = "appointment_not_found",
            content = @Content(mediaType = "application/problem+json"))
    @GetMapping("/{id}")
    ResponseEntity<?> get(@PathVariable UUID id) {
        return appointments
                .appointment(new AppointmentId(id))
                .<ResponseEntity<?>>map(a -> ResponseEntity.ok(json(a)))
                .orElseGet(() -> AppointmentRejections.response(BookingRefusal.APPOINTMENT_NOT_FOUND));
    }

    @Operation(summary = "Cancel an appointment and free its place; cancelling again changes nothing")
    @ApiResponse(
            responseCode = "404",
            description = "appointment_not_found",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(
            responseCode = "422",
            description = "in_the_past",
            content = @Content(mediaType = "application/problem+json"))
    @PostMapping("/{id}/cancel")
    ResponseEntity<?> cancel(@PathVariable UUID id) {
        return answer(appointments.cancel(new AppointmentId(id), AppointmentActor.BANK), HttpStatus.OK);
    }

    @Operation(summary = "Move an appointment to another slot of its branch: {\"start\": ISO-8601 with offset}")
    @ApiResponse(
            responseCode = "409",
            description = "slot_full, appointment_cancelled",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(
            responseCode = "422",
            description = "in_the_past, too_far_ahead, branch_closed, not_a_slot_start",
            content = @Content(mediaType = "application/problem+json"))
    @PostMapping(path = "/{id}/reschedule", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> reschedule(@PathVariable UUID id, @RequestBody RescheduleBody body) {
        RequiredFields.require(body.start(), "start");
        return answer(
                appointments.reschedule(new AppointmentId(id), start(body.start()), AppointmentActor.BANK),
                HttpStatus.OK);
    }

    private ResponseEntity<?> answer(BookingResult result, HttpStatus created) {
        if (result instanceof BookingResult.Refused refused) {
            return AppointmentRejections.response(refused.refusal());
        }
        BookingResult.Done done = (BookingResult.Done) result;
        return ResponseEntity.status(done.replayed() ? HttpStatus.OK : created).body(json(done.appointment()));
    }

    private Json json(Appointment a) {
        OffsetDateTime start = appointments
                .schedule(a.branchId())
                .map(BranchSchedule::zone)
                .map(zone -> a.start().atZone(zone).toOffsetDateTime())
                .orElse(a.start().atOffset(ZoneOffset.UTC));
        return new Json(
                a.id().value(),
                a.customerId().value(),
                a.branchId(),
                start,
                a.service(),
                a.code(),
                a.status().wireName(),
                a.createdAt(),
                a.updatedAt());
    }

    private static OffsetDateTime start(String text) {
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            throw new BadRequest("start must be ISO-8601 with an offset, e.g. 2026-12-03T09:30:00+01:00");
        }
    }
}
