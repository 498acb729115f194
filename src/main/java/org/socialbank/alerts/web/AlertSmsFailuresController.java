package org.socialbank.alerts.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.socialbank.alerts.AlertSmsFailures;
import org.socialbank.alerts.AlertSmsFailures.Cursor;
import org.socialbank.alerts.AlertSmsFailures.Failure;
import org.socialbank.shared.jdbc.Timestamps;
import org.socialbank.shared.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * For operations: the alert SMS that failed (review 2026-12-07 alerts follow-up), scope {@code
 * alerts:operations}. Never the SMS's text (it holds the amount) nor the whole phone number.
 */
@RestController
@Tag(name = "Alert SMS failures")
@RequestMapping(path = "/api/v1/alerts", produces = MediaType.APPLICATION_JSON_VALUE)
class AlertSmsFailuresController {

    private final AlertSmsFailures failures;

    AlertSmsFailuresController(AlertSmsFailures failures) {
        this.failures = failures;
    }

    @Operation(
            summary = "For operations: the alert SMS that failed (FAILED, or UNKNOWN awaiting no report), the "
                    + "latest first",
            description = "since: an ISO-8601 instant, the earliest settlement shown (default: all); limit 1..200 "
                    + "(default 50); cursor: the previous page's next. Each failure: alertId, customerId, phone "
                    + "(masked), kind, status, reason (the gateway's, or ours), queuedAt, settledAt, failureTold (how "
                    + "the customer was told: chat, no_chat, before, gave_up or not_yet).")
    @ApiResponse(
            responseCode = "200",
            description = "{\"failures\": [...], \"next\": \"...\" (absent on the last page)}")
    @ApiResponse(
            responseCode = "400",
            description = "since_not_valid, limit_not_valid, cursor_not_valid",
            content = @Content(mediaType = "application/problem+json"))
    @GetMapping("/sms-failures")
    ResponseEntity<?> list(
            @RequestParam(required = false) String since,
            @RequestParam(defaultValue = "50") int limit,
            @RequestParam(required = false) String cursor) {
        Optional<Instant> from = since == null ? Optional.of(Instant.EPOCH) : instant(since);
        if (from.isEmpty()) {
            return refused(
                    "since_not_valid",
                    "since must be an ISO-8601 instant of the years 1970 to 9999, such as 2026-12-07T00:00:00Z.");
        }
        if (limit < 1 || limit > AlertSmsFailures.LIMIT_MAX) {
            return refused("limit_not_valid", "limit must be 1.." + AlertSmsFailures.LIMIT_MAX + ".");
        }
        Optional<Cursor> after = cursor == null ? Optional.empty() : Cursor.parse(cursor);
        if (cursor != null && after.isEmpty()) {
            return refused("cursor_not_valid", "cursor must be the next of a previous page, as it was given.");
        }
        AlertSmsFailures.Page page = failures.page(from.get(), after, limit);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(
                "failures",
                page.failures().stream().map(AlertSmsFailuresController::json).toList());
        page.next().ifPresent(next -> body.put("next", next.token()));
        return ResponseEntity.ok(body);
    }

    private static Map<String, Object> json(Failure f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("alertId", f.alertId());
        m.put("customerId", f.customerId().value());
        m.put("phone", f.phoneMasked());
        m.put("kind", f.kind().wireName());
        m.put("status", f.status());
        if (f.reason() != null) {
            m.put("reason", f.reason());
        }
        m.put("queuedAt", f.queuedAt().toString());
        m.put("settledAt", f.settledAt().toString());
        m.put("failureTold", f.failureTold().orElse("not_yet"));
        return m;
    }

    /** Years 1970..9999 only: ISO-8601 reads instants a billion years away, which no timestamp column holds. */
    private static Optional<Instant> instant(String text) {
        try {
            Instant at = Instant.parse(text);
            return Timestamps.storable(at) ? Optional.of(at) : Optional.empty();
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static ResponseEntity<?> refused(String code, String detail) {
        return Problems.response(Problems.of(HttpStatus.BAD_REQUEST, code, detail));
    }
}
