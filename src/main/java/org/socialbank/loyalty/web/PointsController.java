package org.socialbank.loyalty.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.socialbank.cards.CardId;
import org.socialbank.directory.CustomerId;
import org.socialbank.loyalty.Points;
import org.socialbank.loyalty.PointsRefusal;
import org.socialbank.loyalty.PointsSummary;
import org.socialbank.loyalty.Redemption;
import org.socialbank.loyalty.RedemptionResult;
import org.socialbank.shared.web.Created;
import org.socialbank.shared.web.RequiredFields;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A customer's loyalty points and their redemptions (under {@code /api/v1/customers}, so the
 * directory's scopes). Refusals are problem+json with a {@code code} ({@link PointsRefusals}).
 */
@RestController
@Tag(name = "Loyalty")
@RequestMapping(path = "/api/v1/customers/{id}/points", produces = MediaType.APPLICATION_JSON_VALUE)
class PointsController {

    private final Points points;

    PointsController(Points points) {
        this.points = points;
    }

    /**
     * {@code balance} is the posted balance (held points included), kept as it was documented;
     * {@code available} is what the customer can spend now and {@code held} what pending orders and
     * payments hold (review 2026-12-07 money #3): {@code available + held = balance}.
     */
    record PointsJson(
            UUID customerId,
            long balance,
            long available,
            long held,
            String unit,
            List<PointsSummary.Expiring> expiringSoon,
            List<PointsSummary.Movement> history) {}

    record RedemptionBody(UUID id, Long points, UUID cardId) {}

    record RedemptionJson(
            UUID id,
            UUID customerId,
            String kind,
            long points,
            UUID cardId,
            String maskedNumber,
            long amountMinor,
            String currency,
            String status,
            Instant createdAt) {

        static RedemptionJson of(Redemption r) {
            return new RedemptionJson(
                    r.id(),
                    r.customerId().value(),
                    Redemption.STATEMENT_CREDIT,
                    r.points(),
                    r.cardId().value(),
                    r.maskedNumber(),
                    r.amountMinor(),
                    r.currency().code(),
                    "redeemed",
                    r.createdAt());
        }
    }

    @Operation(
            summary = "The customer's points: balance, what is available and held, what expires soon and the last"
                    + " movements",
            description = "{\"customerId\", \"balance\", \"available\", \"held\", \"unit\": \"QPT\", "
                    + "\"expiringSoon\": [{\"points\", \"expiresAt\"}], \"history\": [{\"kind\": "
                    + "\"earned\"|\"redeemed\"|\"expired\"|\"taken_back\", \"points\", \"at\"}]}; balance is "
                    + "the posted balance, held points included; available is what can be spent now (balance - held); "
                    + "held is what a voucher being ordered or a bill's or top-up's discount being paid holds. "
                    + "History newest first, at most 20 (taken_back: a card refund took back the points its "
                    + "purchase earned)")
    @ApiResponse(
            responseCode = "404",
            description = "customer_not_found",
            content = @Content(mediaType = "application/problem+json"))
    @GetMapping
    ResponseEntity<?> points(@PathVariable UUID id) {
        return points.summary(new CustomerId(id), Points.HISTORY_MAX)
                .<ResponseEntity<?>>map(s -> ResponseEntity.ok(new PointsJson(
                        id, s.balance(), s.available(), s.held().total(), "QPT", s.expiringSoon(), s.history())))
                .orElseGet(() -> PointsRefusals.response(PointsRefusal.CUSTOMER_NOT_FOUND));
    }

    @Operation(
            summary = "Redeem points for a statement credit on the customer's credit card; the id makes it "
                    + "idempotent",
            description = "{\"id\", \"points\", \"cardId\"?} (the first credit card when no cardId). "
                    + "201 with the redemption, 200 when the same request is repeated; the same id with another body is "
                    + "409 id_reused. The oldest points go first.")
    @ApiResponse(responseCode = "201", description = "redeemed: the points left the account and the card was credited")
    @ApiResponse(
            responseCode = "404",
            description = "customer_not_found, card_not_found",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(
            responseCode = "409",
            description = "id_reused",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(
            responseCode = "422",
            description = "points_not_valid, insufficient_points, no_credit_card, "
                    + "currency_not_redeemable, nothing_owed, exceeds_amount_owed, account_unavailable",
            content = @Content(mediaType = "application/problem+json"))
    @PostMapping(path = "/redemptions", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> redeem(@PathVariable UUID id, @RequestBody RedemptionBody body) {
        RequiredFields.require(body.id(), "id", body.points(), "points");
        RedemptionResult result = points.redeem(new Points.RedemptionRequest(
                body.id(),
                new CustomerId(id),
                body.points(),
                body.cardId() == null ? null : new CardId(body.cardId())));
        if (result instanceof RedemptionResult.Refused refused) {
            return PointsRefusals.response(refused.code());
        }
        RedemptionResult.Redeemed redeemed = (RedemptionResult.Redeemed) result;
        return Created.unlessReplayed(redeemed.replayed(), RedemptionJson.of(redeemed.redemption()));
    }
}
