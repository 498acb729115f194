package org.socialbank.billing.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.socialbank.billing.BillPaymentResult;
import org.socialbank.billing.Operators;
import org.socialbank.billing.TopUp;
import org.socialbank.billing.TopUpId;
import org.socialbank.billing.TopUpKind;
import org.socialbank.billing.TopUpRequest;
import org.socialbank.billing.TopUpResult;
import org.socialbank.billing.TopUps;
import org.socialbank.directory.CustomerId;
import org.socialbank.shared.CurrencyCode;
import org.socialbank.shared.web.BadRequest;
import org.socialbank.shared.web.Created;
import org.socialbank.shared.web.Problems;
import org.socialbank.shared.web.RequiredFields;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Mobile top-ups: 201 with the top-up (naming the {@code operator} it used), 200 on a replay of
 * the id; 422 {@code invalid_phone}, {@code unknown_operator}, {@code amount_not_offered} (with
 * {@code nearestAmountsMinor}) or {@code customer_not_found}; 409 {@code id_reused}.
 */
@RestController
@Tag(name = "Top-ups")
@RequestMapping(path = "/api/v1/topups", produces = MediaType.APPLICATION_JSON_VALUE)
class TopUpsController {

    private final TopUps topUps;

    TopUpsController(TopUps topUps) {
        this.topUps = topUps;
    }

    /** @param kind {@code direct} (the default), {@code bonus} (the operator's bonus charge) or {@code voucher} (a PIN read once on the bank's page) */
    record Body(
            UUID id,
            UUID customerId,
            String phone,
            Long amountMinor,
            String currency,
            String operator,
            String channel,
            String kind) {}

    record Json(
            UUID id,
            UUID customerId,
            String phone,
            String operator,
            String kind,
            long amountMinor,
            String currency,
            String status,
            String code,
            String traceNumber,
            String confirmationUrl,
            Instant createdAt,
            Instant updatedAt) {

        static Json of(TopUp t) {
            return new Json(
                    t.id().value(),
                    t.customerId().value(),
                    t.phoneE164(),
                    t.operator(),
                    t.kind().wireName(),
                    t.amountMinor(),
                    t.currency(),
                    t.status().wireName(),
                    t.code(),
                    t.traceNumber(),
                    t.confirmationUrl(),
                    t.createdAt(),
                    t.updatedAt());
        }
    }

    @Operation(summary = "Top up a mobile phone from the customer's account; the id makes it idempotent")
    @ApiResponse(
            responseCode = "201",
            description = "the top-up: completed, pending, unknown, awaiting_confirmation (with confirmationUrl), "
                    + "failed (the money is back) or rejected (see code)")
    @ApiResponse(
            responseCode = "422",
            description = "invalid_phone, unknown_operator, amount_not_offered, "
                    + "kind_not_offered, invalid_kind, customer_not_found",
            content = @Content(mediaType = "application/problem+json"))
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> topUp(@RequestBody Body body) {
        RequiredFields.require(
                body.id(),
                "id",
                body.customerId(),
                "customerId",
                body.phone(),
                "phone",
                body.amountMinor(),
                "amountMinor",
                body.currency(),
                "currency");
        Optional<TopUpKind> kind =
                body.kind() == null ? Optional.of(TopUpKind.DIRECT) : TopUpKind.fromWire(body.kind());
        if (kind.isEmpty()) {
            return Answers.unprocessable("invalid_kind", "kind is direct, bonus or voucher.");
        }
        CurrencyCode currency = Answers.currency(body.currency());
        TopUpRequest request = BadRequest.whenRefused(() -> new TopUpRequest(
                new TopUpId(body.id()),
                new CustomerId(body.customerId()),
                body.phone(),
                body.amountMinor(),
                currency,
                Optional.ofNullable(body.operator()),
                Answers.channel(body.channel()),
                kind.get()));
        TopUpResult result = topUps.topUp(request);
        if (result instanceof TopUpResult.Refused refused) {
            return refusal(refused);
        }
        TopUpResult.Done done = (TopUpResult.Done) result;
        return Created.unlessReplayed(done.replayed(), Json.of(done.topUp()));
    }

    @Operation(summary = "A top-up as it is now")
    @GetMapping("/{id}")
    ResponseEntity<?> get(@PathVariable UUID id) {
        return Answers.found(
                topUps.topUp(new TopUpId(id)), Json::of, "topup_not_found", "There is no top-up " + id + ".");
    }

    private static ResponseEntity<?> refusal(TopUpResult.Refused refused) {
        if (BillPaymentResult.ID_REUSED.equals(refused.code())) {
            return Answers.idReused(refused.code(), "top-up");
        }
        String detail = switch (refused.code()) {
            case Operators.INVALID_PHONE -> "The phone is not a valid mobile number.";
            case Operators.UNKNOWN_OPERATOR -> "No operator of the number's country tops it up here.";
            case Operators.AMOUNT_NOT_OFFERED -> "The operator does not sell this amount; see nearestAmountsMinor.";
            case Operators.KIND_NOT_OFFERED -> "The operator sells no charge of this kind.";
            default -> "The customer is not an active customer of this bank.";
        };
        ProblemDetail problem = Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, refused.code(), detail);
        if (!refused.nearestAmountsMinor().isEmpty()) {
            problem.setProperty("nearestAmountsMinor", refused.nearestAmountsMinor());
        }
        return Problems.response(problem);
    }
}
