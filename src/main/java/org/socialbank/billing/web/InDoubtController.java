package org.socialbank.billing.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.socialbank.billing.PaymentsInDoubt;
import org.socialbank.shared.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * For operations: the billing payments in doubt (review 2026-12-07 money #4), the rows of
 * {@code billing_payments_in_doubt}, so they need not read the table.
 */
@RestController
@Tag(name = "Billing")
@RequestMapping(path = "/api/v1/billing", produces = MediaType.APPLICATION_JSON_VALUE)
class InDoubtController {

    private static final int LIMIT_MAX = 500;

    private final PaymentsInDoubt inDoubt;

    InDoubtController(PaymentsInDoubt inDoubt) {
        this.inDoubt = inDoubt;
    }

    /**
     * One payment in doubt; {@code reason} is {@code STILL_CHECKING}, {@code PAID_NOT_BOOKED} or
     * {@code POSTED_NOT_PAID} (refused after its reservation was posted by hand),
     * {@code status} the payment's status now (it stays listed once it ended).
     */
    record InDoubtJson(
            UUID paymentId,
            String kind,
            String reason,
            long amountMinor,
            String currency,
            UUID customerId,
            Instant sentAt,
            Instant recordedAt,
            String status) {

        static InDoubtJson of(PaymentsInDoubt.Listed p) {
            return new InDoubtJson(
                    p.paymentId(),
                    p.kind(),
                    p.reason().name(),
                    p.amountMinor(),
                    p.currency(),
                    p.customerId().value(),
                    p.sentAt(),
                    p.recordedAt(),
                    p.status().wireName());
        }
    }

    @Operation(
            summary = "For operations: bills, top-ups, card transfers and account bills whose provider left them "
                    + "in doubt past pending-timeout (STILL_CHECKING) or paid without the ledger taking the money "
                    + "(PAID_NOT_BOOKED) or refused after operations posted it by hand (POSTED_NOT_PAID), oldest "
                    + "first (review 2026-12-07 money #4)")
    @ApiResponse(
            responseCode = "200",
            description = "{\"payments\": [{paymentId, kind, reason, amountMinor, currency, customerId, sentAt, "
                    + "recordedAt, status}]}")
    @ApiResponse(
            responseCode = "400",
            description = "limit_not_valid: limit is not 1..500",
            content = @Content(mediaType = "application/problem+json"))
    @GetMapping("/in-doubt")
    ResponseEntity<?> inDoubt(@RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > LIMIT_MAX) {
            return Problems.response(
                    Problems.of(HttpStatus.BAD_REQUEST, "limit_not_valid", "limit must be 1.." + LIMIT_MAX + "."));
        }
        return ResponseEntity.ok(Map.of(
                "payments",
                inDoubt.oldestFirst(limit).stream().map(InDoubtJson::of).toList()));
    }
}
