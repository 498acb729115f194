package org.socialbank.branches.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.socialbank.branches.Appointments;
import org.socialbank.branches.BookingRefusal;
import org.socialbank.branches.Branch;
import org.socialbank.branches.BranchSchedule;
import org.socialbank.branches.Branches;
import org.socialbank.branches.Slot;
import org.socialbank.shared.web.BadRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The bank's branches with what they book and when, and a branch's free slots on a day (issue 16
 * section 5). A slot's {@code start} is ISO-8601 with the offset of the branch's zone that day.
 */
@RestController
@Tag(name = "Branches")
@RequestMapping(path = "/api/v1/branches", produces = MediaType.APPLICATION_JSON_VALUE)
class BranchesController {

    private final Branches branches;
    private final Appointments appointments;

    BranchesController(Branches branches, Appointments appointments) {
        this.branches = branches;
        this.appointments = appointments;
    }

    record HoursJson(String dayOfWeek, String opens, String closes) {}

    record BranchJson(
            String id,
            String name,
            String address,
            String city,
            double lat,
            double lon,
            boolean atmOnly,
            String hours,
            String zone,
            List<String> services,
            List<HoursJson> openingHours,
            Integer slotMinutes,
            Integer slotCapacity) {

        static BranchJson of(Branch b, Optional<BranchSchedule> schedule) {
            return new BranchJson(
                    b.id(),
                    b.name(),
                    b.address(),
                    b.city(),
                    b.lat(),
                    b.lon(),
                    b.atmOnly(),
                    b.hours(),
                    schedule.map(s -> s.zone().getId()).orElse(null),
                    schedule.map(s -> s.services().stream().sorted().toList()).orElse(List.of()),
                    schedule.map(BranchJson::hours).orElse(List.of()),
                    schedule.map(BranchSchedule::slotMinutes).orElse(null),
                    schedule.map(BranchSchedule::slotCapacity).orElse(null));
        }

        private static List<HoursJson> hours(BranchSchedule s) {
            return s.hours().entrySet().stream()
                    .sorted(java.util.Map.Entry.comparingByKey())
                    .map(e -> new HoursJson(
                            e.getKey().name().toLowerCase(java.util.Locale.ROOT),
                            e.getValue().opens().toString(),
                            e.getValue().closes().toString()))
                    .toList();
        }
    }

    record BranchesJson(List<BranchJson> branches) {}

    record SlotJson(OffsetDateTime start, OffsetDateTime end, int capacity, int capacityLeft) {

        static SlotJson of(Slot s) {
            return new SlotJson(s.start(), s.end(), s.capacity(), s.capacityLeft());
        }
    }

    record SlotsJson(String branchId, String date, String zone, List<SlotJson> slots) {}

    @Operation(summary = "The bank's branches and ATMs, with the services, opening hours and slots each books")
    @GetMapping
    BranchesJson list() {
        return new BranchesJson(branches.all().stream()
                .map(b -> BranchJson.of(b, appointments.schedule(b.id())))
                .toList());
    }

    @Operation(summary = "One branch")
    @ApiResponse(
            responseCode = "404",
            description = "branch_not_found",
            content = @Content(mediaType = "application/problem+json"))
    @GetMapping("/{id}")
    ResponseEntity<?> get(@PathVariable String id) {
        return branches.find(id)
                .<ResponseEntity<?>>map(b -> ResponseEntity.ok(BranchJson.of(b, appointments.schedule(b.id()))))
                .orElseGet(() -> AppointmentRejections.response(BookingRefusal.BRANCH_NOT_FOUND));
    }

    @Operation(
            summary = "The branch's slots on a day that have not started, with the places left "
                    + "(empty when the branch is closed that day)")
    @ApiResponse(
            responseCode = "400",
            description = "invalid_request: the date is not YYYY-MM-DD",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(
            responseCode = "404",
            description = "branch_not_found",
            content = @Content(mediaType = "application/problem+json"))
    @GetMapping("/{id}/slots")
    ResponseEntity<?> slots(
            @PathVariable String id,
            @Parameter(description = "the day in the branch's zone, YYYY-MM-DD") @RequestParam String date) {
        LocalDate day;
        try {
            day = LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            throw new BadRequest("date must be a day as YYYY-MM-DD");
        }
        return appointments
                .slots(id, day)
                .<ResponseEntity<?>>map(slots -> ResponseEntity.ok(new SlotsJson(
                        id,
                        day.toString(),
                        appointments.schedule(id).map(s -> s.zone().getId()).orElse(null),
                        slots.stream().map(SlotJson::of).toList())))
                .orElseGet(() -> AppointmentRejections.response(BookingRefusal.BRANCH_NOT_FOUND));
    }
}
