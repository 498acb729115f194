package org.socialbank.billing.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.socialbank.billing.BillPaymentResult;
import org.socialbank.billing.CardNumber;
import org.socialbank.billing.CardTransfer;
import org.socialbank.billing.CardTransferId;
import org.socialbank.billing.CardTransferRequest;
import org.socialbank.billing.CardTransferResult;
import org.socialbank.billing.CardTransfers;
import org.socialbank.directory.CustomerId;
import org.socialbank.shared.CurrencyCode;
import org.socialbank.shared.web.BadRequest;
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
 * Card-to-card: 201 with the transfer ({@code destinationCardMasked}, never the whole card), 200 on
 * a replay; 422 {@code invalid_card_number} (Luhn), {@code currency_not_supported},
 * {@code customer_not_found}; 409 {@code id_reused}. A limit is a {@code rejected} status with its
 * code, e.g. {@code exceeds_daily_limit}.
 */
@RestController
@Tag(name = "Card transfers")
@RequestMapping(path = "/api/v1/card-transfers", produces = MediaType.APPLICATION_JSON_VALUE)
class CardTransfersController {

    private final CardTransfers transfers;

    CardTransfersController(CardTransfers transfers) {
        this.transfers = transfers;
    }

    /** The body; its {@code toString} never shows the card whole. */
    record Body(
            UUID id,
            UUID customerId,
            String destinationCard,
            Long amountMinor,
            String currency,
            String channel,
            UUID sourceCardId) {

        @Override
        public String toString() {
            return "Body[id=" + id + ", customerId=" + customerId + ", amountMinor=" + amountMinor + "]";
        }
    }

    record Json(
            UUID id,
            UUID customerId,
            String destinationCardMasked,
            String bank,
            String holderName,
            long amountMinor,
            String currency,
            String status,
            String code,
            String traceNumber,
            Instant createdAt,
            Instant updatedAt,
            String sourceCardMasked,
            String confirmationUrl) {

        static Json of(CardTransfer t) {
            return new Json(
                    t.id().value(),
                    t.customerId().value(),
                    t.destinationCardMasked(),
                    t.bank(),
                    t.holderMasked(),
                    t.amountMinor(),
                    t.currency(),
                    t.status().wireName(),
                    t.code(),
                    t.traceNumber(),
                    t.createdAt(),
                    t.updatedAt(),
                    t.sourceCardMasked(),
                    t.confirmationUrl());
        }
    }

    @Operation(
            summary = "Send money to a card from one of the customer's own cards (sourceCardId, else the first "
                    + "active debit card in the currency); every transfer waits for the step-up at confirmationUrl; the id "
                    + "makes it idempotent")
    @ApiResponse(
            responseCode = "201",
            description = "the transfer: awaiting_confirmation (with confirmationUrl) or "
                    + "rejected (see code, e.g. exceeds_daily_limit, no_card_in_currency); once confirmed pending, completed, "
                    + "unknown or failed (the money is back)")
    @ApiResponse(
            responseCode = "422",
            description = "invalid_card_number, currency_not_supported, customer_not_found",
            content = @Content(mediaType = "application/problem+json"))
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> send(@RequestBody Body body) {
        RequiredFields.require(
                body.id(),
                "id",
                body.customerId(),
                "customerId",
                body.destinationCard(),
                "destinationCard",
                body.amountMinor(),
                "amountMinor",
                body.currency(),
                "currency");
        Optional<CardNumber> card = CardNumber.read(body.destinationCard());
        if (card.isEmpty()) {
            return Answers.unprocessable(
                    CardNumber.INVALID_CARD_NUMBER,
                    "The destination card is not 16 to 19 digits with a valid check digit.");
        }
        CurrencyCode currency = Answers.currency(body.currency());
        CardTransferRequest request = BadRequest.whenRefused(() -> new CardTransferRequest(
                new CardTransferId(body.id()),
                new CustomerId(body.customerId()),
                card.get(),
                body.amountMinor(),
                currency,
                Answers.channel(body.channel()),
                Optional.ofNullable(body.sourceCardId()).map(org.socialbank.cards.CardId::new)));
        CardTransferResult result = transfers.send(request);
        if (result instanceof CardTransferResult.Refused refused) {
            return refusal(refused.code());
        }
        CardTransferResult.Done done = (CardTransferResult.Done) result;
        return Created.unlessReplayed(done.replayed(), Json.of(done.transfer()));
    }

    @Operation(summary = "A card transfer as it is now")
    @GetMapping("/{id}")
    ResponseEntity<?> get(@PathVariable UUID id) {
        return Answers.found(
                transfers.transfer(new CardTransferId(id)),
                Json::of,
                "card_transfer_not_found",
                "There is no card transfer " + id + ".");
    }

    private static ResponseEntity<?> refusal(String code) {
        if (BillPaymentResult.ID_REUSED.equals(code)) {
            return Answers.idReused(code, "card transfer");
        }
        return Answers.unprocessable(
                code,
                CardTransferResult.CURRENCY_NOT_SUPPORTED.equals(code)
                        ? "Card-to-card takes no transfer in this currency."
                        : "The customer is not an active customer of this bank.");
    }
}
