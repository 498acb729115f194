package org.socialbank.branches.web;

import java.util.Map;
import org.socialbank.branches.BookingRefusal;
import org.socialbank.shared.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** The one place that turns booking refusals into HTTP problems. */
final class AppointmentRejections {

    private static final Map<BookingRefusal, String> DETAILS = Map.ofEntries(
            Map.entry(
                    BookingRefusal.ID_REUSED, "This id was already used for a different booking; nothing was changed."),
            Map.entry(BookingRefusal.APPOINTMENT_NOT_FOUND, "There is no appointment with this id."),
            Map.entry(BookingRefusal.CUSTOMER_NOT_FOUND, "The customer is not an active customer of this bank."),
            Map.entry(BookingRefusal.BRANCH_NOT_FOUND, "The bank has no branch with this id."),
            Map.entry(BookingRefusal.APPOINTMENT_CANCELLED, "The appointment was cancelled; book a new one."),
            Map.entry(BookingRefusal.IN_THE_PAST, "The time has already passed."),
            Map.entry(BookingRefusal.TOO_FAR_AHEAD, "The time is further ahead than the bank books."),
            Map.entry(BookingRefusal.SERVICE_NOT_OFFERED, "The branch does not offer this service."),
            Map.entry(BookingRefusal.BRANCH_CLOSED, "The branch takes no appointments on that day."),
            Map.entry(
                    BookingRefusal.NOT_A_SLOT_START,
                    "The time is not the start of one of the branch's slots; "
                            + "see GET /api/v1/branches/{id}/slots."),
            Map.entry(BookingRefusal.SLOT_FULL, "No place is left in this slot; choose another."));

    private AppointmentRejections() {}

    static HttpStatus status(BookingRefusal refusal) {
        return switch (refusal) {
            case ID_REUSED, SLOT_FULL, APPOINTMENT_CANCELLED -> HttpStatus.CONFLICT;
            case APPOINTMENT_NOT_FOUND, BRANCH_NOT_FOUND -> HttpStatus.NOT_FOUND;
            default -> HttpStatus.UNPROCESSABLE_CONTENT;
        };
    }

    static ProblemDetail problem(BookingRefusal refusal) {
        return Problems.of(status(refusal), refusal.code(), DETAILS.getOrDefault(refusal, refusal.code()));
    }

    static <T> ResponseEntity<T> response(BookingRefusal refusal) {
        return Problems.response(problem(refusal));
    }
}
