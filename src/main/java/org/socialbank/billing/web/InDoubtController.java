package org.socialbank.billing.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.socialbank.billing.PaymentInDoubt;
import org.socialbank.billing.PaymentsInDoubt;
import org.socialbank.shared.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * For operations: the billing payments in doubt (review 2026-12-07 money #4), the rows of
 * {@code billing_payments_in_doubt}, so they need not read the table: listed a page at a time,
 * the open ones only if asked, and marked settled by hand (review 2026-12-07 billing follow-up).
 */
@RestController
@Tag(name = "Billing")
@RequestMapping(path = "/api/v1/billing", produces = MediaType.APPLICATION_JSON_VALUE)
class InDoubtController {

    private final PaymentsInDoubt inDoubt;

    InDoubtController(PaymentsInDoubt inDoubt) {
        this.inDoubt = inDoubt;
    }

    /**
     * One payment in doubt; {@code reason} is {@code STILL_CHECKING}, {@code PAID_NOT_BOOKED} or
     * {@code POSTED_NOT_PAID} (refused after its reservation was posted by hand), {@code PIN_NOT_GIVEN},
     * {@code status} the payment's status now (it stays listed once it ended); {@code settledAt},
     * {@code settledBy}, {@code settledNote} null until operations mark it settled.
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
            String status,
            Instant settledAt,
            String settledBy,
            String settledNote) {

        static InDoubtJson of(PaymentsInDoubt.Listed p) {
            Optional<PaymentsInDoubt.Settled> s = p.settled();
            return new InDoubtJson(
                    p.paymentId(),
                    p.kind(),
                    p.reason().name(),
                    p.amountMinor(),
                    p.currency(),
                    p.customerId().value(),
                    p.sentAt(),
                    p.recordedAt(),
                    p.status().wireName(),
                    s.map(PaymentsInDoubt.Settled::at).orElse(null),
                    s.map(PaymentsInDoubt.Settled::by).orElse(null),
                    s.map(PaymentsInDoubt.Settled::note).orElse(null));
        }
    }

    /** A page; {@code next}, the {@code after} of the next page, is null when this page is the last. */
    record PageJson(List<InDoubtJson> payments, String next) {}

    /** Why a row was settled by hand: 1..500 characters. */
    record SettleJson(String note) {}

    @Operation(
            summary =
                    "For operations (scope billing:operations): bills, top-ups, card transfers and account bills whose provider left them "
                            + "in doubt past pending-timeout (STILL_CHECKING), paid without the ledger taking the money "
                            + "(PAID_NOT_BOOKED), refused after operations posted it by hand (POSTED_NOT_PAID) or charged "
                            + "without the voucher's PIN (PIN_NOT_GIVEN), oldest first, a page after the cursor `after` "
                            + "(the previous page's `next`); `open=true` lists only those still open: the payment pending "
                            + "or unknown, or not marked settled (review 2026-12-07 money #4, billing follow-up)")
    @ApiResponse(
            responseCode = "200",
            description = "{\"payments\": [{paymentId, kind, reason, amountMinor, currency, customerId, sentAt, "
                    + "recordedAt, status, settledAt, settledBy, settledNote}], \"next\": cursor or null}")
    @ApiResponse(
            responseCode = "400",
            description = "limit_not_valid: limit is not 1..500; after_not_valid: not a cursor this list gave",
            content = @Content(mediaType = "application/problem+json"))
    @GetMapping("/in-doubt")
    ResponseEntity<?> inDoubt(
            @RequestParam(defaultValue = "100") int limit,
            @RequestParam(defaultValue = "false") boolean open,
            @RequestParam(required = false) String after) {
        if (limit < 1 || limit > PaymentsInDoubt.LIMIT_MAX) {
            return Problems.response(Problems.of(
                    HttpStatus.BAD_REQUEST, "limit_not_valid", "limit must be 1.." + PaymentsInDoubt.LIMIT_MAX + "."));
        }
        Optional<PaymentsInDoubt.Cursor> cursor =
                after == null ? Optional.empty() : PaymentsInDoubt.Cursor.parse(after);
        if (after != null && cursor.isEmpty()) {
            return Problems.response(Problems.of(
                    HttpStatus.BAD_REQUEST, "after_not_valid", "after must be the next of a page of this list."));
        }
        PaymentsInDoubt.Page page = inDoubt.page(limit, open, cursor);
        return ResponseEntity.ok(new PageJson(
                page.payments().stream().map(InDoubtJson::of).toList(),
                page.next().map(PaymentsInDoubt.Cursor::text).orElse(null)));
    }

    @Operation(
            summary = "For operations: mark a payment in doubt settled by hand, recording who (the API client), "
                    + "when and the note; idempotent: marking it again answers the first record "
                    + "(review 2026-12-07 billing follow-up)",
            description = "Body {\"note\": \"...\"} (1-500 characters). Scope billing:operations.")
    @ApiResponse(responseCode = "201", description = "marked: the row, with settledAt, settledBy, settledNote")
    @ApiResponse(responseCode = "200", description = "marked before: the row as first marked")
    @ApiResponse(
            responseCode = "400",
            description = "note_not_valid (missing, blank or over 500 characters), reason_not_valid",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(
            responseCode = "404",
            description = "in_doubt_not_found: no such payment in doubt for this reason",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(
            responseCode = "409",
            description = "still_in_doubt: the payment is still pending or unknown; the janitor asks its provider",
            content = @Content(mediaType = "application/problem+json"))
    @PostMapping(path = "/in-doubt/{paymentId}/{reason}/settle", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> settle(
            @PathVariable UUID paymentId,
            @PathVariable String reason,
            @RequestBody(required = false) SettleJson body,
            Principal caller) {
        Optional<PaymentInDoubt.Reason> named = reason(reason);
        if (named.isEmpty()) {
            return Problems.response(Problems.of(
                    HttpStatus.BAD_REQUEST, "reason_not_valid", "reason must be one of the list's reasons."));
        }
        String note = body == null ? null : body.note();
        if (note == null || note.isBlank() || note.length() > PaymentsInDoubt.NOTE_LENGTH_MAX) {
            return Problems.response(Problems.of(
                    HttpStatus.BAD_REQUEST,
                    "note_not_valid",
                    "note must be 1.." + PaymentsInDoubt.NOTE_LENGTH_MAX + " characters."));
        }
        PaymentsInDoubt.Settling done = inDoubt.settle(paymentId, named.get(), caller.getName(), note.strip());
        if (done instanceof PaymentsInDoubt.Refused refused) {
            return Problems.response(refusal(refused.code()));
        }
        PaymentsInDoubt.Marked marked = (PaymentsInDoubt.Marked) done;
        return ResponseEntity.status(marked.replayed() ? HttpStatus.OK : HttpStatus.CREATED)
                .body(InDoubtJson.of(marked.row()));
    }

    private static org.springframework.http.ProblemDetail refusal(String code) {
        return code.equals(PaymentsInDoubt.NOT_FOUND)
                ? Problems.of(HttpStatus.NOT_FOUND, code, "No such payment in doubt for this reason.")
                : Problems.of(
                        HttpStatus.CONFLICT,
                        code,
                        "The payment is still pending or unknown: the janitor asks its provider until it ends.");
    }

    private static Optional<PaymentInDoubt.Reason> reason(String text) {
        for (PaymentInDoubt.Reason r : PaymentInDoubt.Reason.values()) {
            if (r.name().equals(text)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
