package org.socialbank.payouts.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.socialbank.payouts.Payout;
import org.socialbank.payouts.PayoutStatus;
import org.socialbank.payouts.Payouts;
import org.socialbank.shared.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * For operations (scope {@code payments:operations}): payouts by state, and the unfinished ones
 * marked for review (review 2026-12-07 payout follow-up). The account is masked.
 */
@RestController
@Tag(name = "Payouts")
@RequestMapping(path = "/api/v1/payouts", produces = MediaType.APPLICATION_JSON_VALUE)
class PayoutsController {

    static final String NEEDS_REVIEW = "needs_review";

    private final Payouts payouts;

    PayoutsController(Payouts payouts) {
        this.payouts = payouts;
    }

    @Operation(
            summary = "For operations: payouts in a state, oldest first",
            description = "status: pending, unknown, succeeded, failed, or needs_review (unfinished longer than "
                    + "socialbank.payouts.review-after); limit 1..500 (default 100). Each payout: id, reference, "
                    + "to (masked), amountMinor, currency, status, failureReason, needsReview, reviewSince, "
                    + "createdAt, updatedAt.")
    @ApiResponse(responseCode = "200", description = "{\"payouts\": [...]}")
    @ApiResponse(
            responseCode = "400",
            description = "status_not_valid, limit_not_valid",
            content = @Content(mediaType = "application/problem+json"))
    @GetMapping
    ResponseEntity<?> list(
            @RequestParam(required = false) String status, @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > Payouts.LIST_MAX) {
            return refused("limit_not_valid", "limit must be 1.." + Payouts.LIST_MAX + ".");
        }
        String wanted = status == null ? "" : status.strip().toLowerCase(Locale.ROOT);
        List<Payout> listed;
        if (NEEDS_REVIEW.equals(wanted)) {
            listed = payouts.needingReview(limit);
        } else {
            PayoutStatus state = state(wanted);
            if (state == null) {
                return refused(
                        "status_not_valid", "status must be pending, unknown, succeeded, failed or needs_review.");
            }
            listed = payouts.inState(state, limit);
        }
        return ResponseEntity.ok(
                Map.of("payouts", listed.stream().map(PayoutsController::json).toList()));
    }

    private static PayoutStatus state(String wanted) {
        for (PayoutStatus each : PayoutStatus.values()) {
            if (each.name().toLowerCase(Locale.ROOT).equals(wanted)) {
                return each;
            }
        }
        return null;
    }

    private static Map<String, Object> json(Payout p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.id().value());
        m.put("reference", p.reference());
        m.put("to", p.to().masked());
        m.put("amountMinor", p.amountMinor());
        m.put("currency", p.currency().code());
        m.put("status", p.status().name().toLowerCase(Locale.ROOT));
        if (p.failureReason() != null) {
            m.put("failureReason", p.failureReason());
        }
        m.put("needsReview", p.needsReview());
        if (p.reviewSince() != null) {
            m.put("reviewSince", p.reviewSince().toString());
        }
        m.put("createdAt", p.createdAt().toString());
        m.put("updatedAt", p.updatedAt().toString());
        return m;
    }

    private static ResponseEntity<?> refused(String code, String detail) {
        return Problems.response(Problems.of(HttpStatus.BAD_REQUEST, code, detail));
    }
}
