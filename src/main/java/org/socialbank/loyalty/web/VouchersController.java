package org.socialbank.loyalty.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.socialbank.directory.CustomerId;
import org.socialbank.loyalty.Rewards;
import org.socialbank.loyalty.Voucher;
import org.socialbank.loyalty.Vouchers;
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
 * Points redeemed for a partner's voucher through the rewards SPI (under {@code /api/v1/customers},
 * so the directory's scopes): the partner's catalogue, and an order idempotent by its id.
 */
@RestController
@Tag(name = "Loyalty")
@RequestMapping(path = "/api/v1/customers/{id}/points", produces = MediaType.APPLICATION_JSON_VALUE)
class VouchersController {

    private final Vouchers vouchers;

    VouchersController(Vouchers vouchers) {
        this.vouchers = vouchers;
    }

    record VoucherBody(UUID id, String reward) {}

    record VoucherJson(
            UUID id,
            UUID customerId,
            String kind,
            String reward,
            long points,
            String status,
            String voucherCode,
            String reason,
            Instant createdAt) {

        static VoucherJson of(Voucher v) {
            return new VoucherJson(
                    v.id(),
                    v.customerId().value(),
                    "voucher",
                    v.reward(),
                    v.points(),
                    v.status().wireName(),
                    v.voucherCode(),
                    v.reason(),
                    v.createdAt());
        }
    }

    @Operation(
            summary = "The rewards partner's catalogue: {\"rewards\": [{\"code\", \"points\", \"partner\", \"name\"}]}")
    @GetMapping("/rewards")
    ResponseEntity<?> rewards(@PathVariable UUID id) {
        List<Rewards.Reward> catalogue = vouchers.catalogue();
        return ResponseEntity.ok(Map.of("rewards", catalogue));
    }

    @Operation(
            summary = "Redeems points for a partner's voucher",
            description = "{\"id\", \"reward\"} → 201 with the "
                    + "voucher: status issued (with voucherCode), failed (the partner's reason; the points are released) or "
                    + "pending (the partner's answer was lost; it is asked again); 200 with the voucher as it stands when the "
                    + "id is repeated.")
    @ApiResponse(
            responseCode = "404",
            description = "customer_not_found, reward_not_found",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(
            responseCode = "409",
            description = "id_reused",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(
            responseCode = "422",
            description = "insufficient_points, account_unavailable (the points account is frozen or closed)",
            content = @Content(mediaType = "application/problem+json"))
    @PostMapping(path = "/vouchers", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> order(@PathVariable UUID id, @RequestBody VoucherBody body) {
        RequiredFields.require(body.id(), "id", body.reward(), "reward");
        Vouchers.VoucherResult result = vouchers.order(body.id(), new CustomerId(id), body.reward());
        if (result instanceof Vouchers.VoucherResult.Refused refused) {
            return PointsRefusals.response(refused.code());
        }
        Vouchers.VoucherResult.Ordered ordered = (Vouchers.VoucherResult.Ordered) result;
        return ResponseEntity.status(ordered.replayed() ? HttpStatus.OK : HttpStatus.CREATED)
                .body(VoucherJson.of(ordered.voucher()));
    }
}
