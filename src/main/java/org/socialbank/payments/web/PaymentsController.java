package org.socialbank.payments.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.socialbank.payments.Payment;
import org.socialbank.payments.PaymentId;
import org.socialbank.payments.PaymentResult;
import org.socialbank.payments.PaymentStatus;
import org.socialbank.payments.Payments;
import org.socialbank.payments.SettleResult;
import org.socialbank.shared.web.Created;
import org.socialbank.shared.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Payments by alias: 201 with the payment when it is new (whatever its status, {@code rejected}
 * included, with its {@code code}), 200 with the same payment on a replay of the id, 409 when
 * the id was used for another payment.
 */
@RestController
@Tag(name = "Payments")
@RequestMapping(path = "/api/v1/payments", produces = MediaType.APPLICATION_JSON_VALUE)
class PaymentsController {

    private static final int HELD_LIMIT_MAX = 500;

    private final Payments payments;

    PaymentsController(Payments payments) {
        this.payments = payments;
    }

    @Operation(summary = "Pay someone by phone, e-mail, $tag or network handle; the id makes it idempotent")
    @ApiResponse(
            responseCode = "201",
            description = "the payment: completed, awaiting_claim, awaiting_confirmation "
                    + "(see confirmationUrl) or rejected (see code and the limit members)",
            content = @Content(schema = @Schema(implementation = PaymentJson.class)))
    @ApiResponse(
            responseCode = "200",
            description = "a replay of the id: the payment as it is now",
            content = @Content(schema = @Schema(implementation = PaymentJson.class)))
    @ApiResponse(
            responseCode = "409",
            description = "id_reused: the id belongs to another payment",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(
            responseCode = "422",
            description = "payer_not_found",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(
            responseCode = "400",
            description = "malformed or invalid request",
            content = @Content(mediaType = "application/problem+json"))
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> pay(@RequestBody PaymentBodies.Pay body) {
        PaymentResult result = payments.pay(body.toOrder());
        if (result instanceof PaymentResult.Refused refused) {
            return Problems.response(PaymentRejections.problem(refused.rejection()));
        }
        PaymentResult.Recorded recorded = (PaymentResult.Recorded) result;
        return Created.unlessReplayed(recorded.replayed(), PaymentJson.of(recorded.payment()));
    }

    @Operation(
            summary = "For operations: payments whose failed payout's money the payer's account refused back "
                    + "(return_held), held on the settlement account, oldest first (review 2026-12-07 money #7)")
    @ApiResponse(
            responseCode = "200",
            description = "{\"payments\": [...]}, each as GET /api/v1/payments/{id} answers it; code "
                    + "payer_account_closed: no more tries, operations settle it by hand")
    @ApiResponse(
            responseCode = "400",
            description = "limit_not_valid: limit is not 1..500",
            content = @Content(mediaType = "application/problem+json"))
    @GetMapping("/return-held")
    ResponseEntity<?> returnHeld(@RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > HELD_LIMIT_MAX) {
            return Problems.response(
                    Problems.of(HttpStatus.BAD_REQUEST, "limit_not_valid", "limit must be 1.." + HELD_LIMIT_MAX + "."));
        }
        return ResponseEntity.ok(Map.of(
                "payments",
                payments.heldReturns(limit).stream().map(PaymentJson::of).toList()));
    }

    @Operation(
            summary = "For operations: settle a held return by hand, moving its money from the settlement account "
                    + "to another open account of the payer's in its currency; the Idempotency-Key makes it "
                    + "idempotent (review 2026-12-07 money follow-up)",
            description = "Body {\"toAccountId\": \"...\", \"reason\": \"...\"} (reason 1-500 characters); "
                    + "the Idempotency-Key header (1-255 characters) is required. The payment becomes returned "
                    + "with code settled_by_hand; the payer is told in her chat.")
    @ApiResponse(
            responseCode = "201",
            description = "settled: {\"payment\": {...}, \"settlement\": {toAccountId, transferId, reason, "
                    + "settledBy, settledAt}}",
            content = @Content(schema = @Schema(implementation = HeldReturnSettlementJson.class)))
    @ApiResponse(
            responseCode = "200",
            description = "a replay of the Idempotency-Key with the same order: the same settlement",
            content = @Content(schema = @Schema(implementation = HeldReturnSettlementJson.class)))
    @ApiResponse(
            responseCode = "404",
            description = "payment_not_found",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(
            responseCode = "409",
            description = "not_held (not return_held), already_settled (by hand, under another key), "
                    + "idempotency_key_reused (the key names another order), settlement_account_unavailable "
                    + "(the bank's settlement account in the currency, which holds the money, is frozen or closed)",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(
            responseCode = "422",
            description = "account_not_found, account_not_payers, currency_mismatch, account_not_open",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(
            responseCode = "400",
            description = "malformed or invalid request: missing toAccountId, reason or Idempotency-Key, or too long",
            content = @Content(mediaType = "application/problem+json"))
    @PostMapping(path = "/{id}/return-held/settle", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> settleHeldReturn(
            @PathVariable UUID id,
            @RequestBody PaymentBodies.SettleHeld body,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            Principal caller) {
        SettleResult result =
                payments.settleHeldReturn(body.toOrder(new PaymentId(id), idempotencyKey, caller.getName()));
        if (result instanceof SettleResult.Refused refused) {
            return Problems.response(PaymentRejections.problem(refused.refusal()));
        }
        SettleResult.Settled settled = (SettleResult.Settled) result;
        return Created.unlessReplayed(settled.replayed(), HeldReturnSettlementJson.of(settled));
    }

    @Operation(summary = "A payment, with the audit of the risk decision (why it was held or refused)")
    @ApiResponse(
            responseCode = "200",
            description = "the payment",
            content = @Content(schema = @Schema(implementation = PaymentJson.class)))
    @ApiResponse(
            responseCode = "404",
            description = "payment_not_found",
            content = @Content(mediaType = "application/problem+json"))
    @GetMapping("/{id}")
    ResponseEntity<?> get(@PathVariable UUID id) {
        return payments.payment(new PaymentId(id))
                .<ResponseEntity<?>>map(p -> ResponseEntity.ok(PaymentJson.of(p)))
                .orElseGet(() -> notFound(id));
    }

    @Operation(summary = "Cancel a payment that waits for a claim (the money goes back) or for its confirmation")
    @ApiResponse(
            responseCode = "200",
            description = "cancelled (or returned, when its claim had just expired)",
            content = @Content(schema = @Schema(implementation = PaymentJson.class)))
    @ApiResponse(
            responseCode = "404",
            description = "payment_not_found",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(
            responseCode = "409",
            description = "not_cancellable: claimed, completed or ended already",
            content = @Content(mediaType = "application/problem+json"))
    @PostMapping("/{id}/cancel")
    ResponseEntity<?> cancel(@PathVariable UUID id, @RequestBody(required = false) PaymentBodies.Cancel body) {
        PaymentId paymentId = new PaymentId(id);
        Optional<Payment> found = payments.payment(paymentId);
        Optional<UUID> by = Optional.ofNullable(body).map(PaymentBodies.Cancel::payerCustomerId);
        if (found.isEmpty()
                || by.filter(b -> !b.equals(found.get().payerCustomerId().value()))
                        .isPresent()) {
            return notFound(id);
        }
        boolean open = found.get().status() == PaymentStatus.AWAITING_CLAIM
                || found.get().status() == PaymentStatus.AWAITING_CONFIRMATION;
        Payment after = payments.cancel(paymentId, found.get().payerCustomerId());
        if (!open || (after.status() != PaymentStatus.CANCELLED && after.status() != PaymentStatus.RETURNED)) {
            var problem = Problems.of(
                    HttpStatus.CONFLICT,
                    "not_cancellable",
                    "Only a payment that waits for a claim or a confirmation can be cancelled.");
            problem.setProperty("status", after.status().wireName());
            return Problems.response(problem);
        }
        return ResponseEntity.ok(PaymentJson.of(after));
    }

    private static ResponseEntity<?> notFound(UUID id) {
        return Problems.response(
                Problems.of(HttpStatus.NOT_FOUND, "payment_not_found", "There is no payment " + id + "."));
    }
}
