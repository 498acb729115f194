package org.socialbank.cards.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.socialbank.cards.AutoRepayment;
import org.socialbank.cards.AutoRepaymentResult;
import org.socialbank.cards.AutoRepayments;
import org.socialbank.cards.CardId;
import org.socialbank.cards.CardRefusal;
import org.socialbank.cards.CardResult;
import org.socialbank.cards.Cards;
import org.socialbank.cards.RepayCard;
import org.socialbank.cards.Repayment;
import org.socialbank.cards.RepaymentResult;
import org.socialbank.cards.Statements;
import org.socialbank.ledger.AccountId;
import org.socialbank.shared.web.Created;
import org.socialbank.shared.web.RequiredFields;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * One card: itself, its statements, its repayments (idempotent by the client's id), lock and
 * unlock. Refusals are problem+json with a {@code code} (see {@link CardRefusals}).
 */
@RestController
@Tag(name = "Cards")
@RequestMapping(path = "/api/v1/cards", produces = MediaType.APPLICATION_JSON_VALUE)
class CardsController {

    private final Cards cards;
    private final Statements statements;
    private final RepayCard repay;
    private final AutoRepayments autoRepayments;

    CardsController(Cards cards, Statements statements, RepayCard repay, AutoRepayments autoRepayments) {
        this.cards = cards;
        this.statements = statements;
        this.repay = repay;
        this.autoRepayments = autoRepayments;
    }

    record AutoRepaymentBody(String mode, UUID fromAccountId) {}

    record AutoRepaymentJson(UUID cardId, String mode, UUID fromAccountId) {

        static AutoRepaymentJson of(AutoRepayment a) {
            return new AutoRepaymentJson(
                    a.card().value(),
                    a.mode().wireName(),
                    a.fromAccount() == null ? null : a.fromAccount().value());
        }
    }

    record RepaymentBody(UUID id, Long amountMinor) {}

    record DispatchBody(java.time.LocalDate dispatchedOn) {}

    record RepaymentJson(
            UUID id,
            UUID cardId,
            long amountMinor,
            String currency,
            UUID fromAccountId,
            UUID transferId,
            String status,
            Instant createdAt) {

        static RepaymentJson of(Repayment r) {
            return new RepaymentJson(
                    r.id(),
                    r.cardId().value(),
                    r.amountMinor(),
                    r.currency().code(),
                    r.fromAccountId().value(),
                    r.transferId(),
                    "repaid",
                    r.createdAt());
        }
    }

    @Operation(summary = "A card, its number masked")
    @ApiResponse(
            responseCode = "404",
            description = "card_not_found",
            content = @Content(mediaType = "application/problem+json"))
    @GetMapping("/{id}")
    ResponseEntity<?> card(@PathVariable UUID id) {
        return cards.card(new CardId(id))
                .<ResponseEntity<?>>map(c -> ResponseEntity.ok(CardJson.CardView.of(c, cards.owedMinor(c))))
                .orElseGet(() -> CardRefusals.response(CardRefusal.CARD_NOT_FOUND));
    }

    @Operation(
            summary = "A credit card's monthly statements, newest first (at most 24)",
            description = "Each statement: statementDate, dueDate (statement + 18 days by default), graceEndsOn "
                    + "(+3 days), balanceMinor, minimumPaymentMinor, currency, and what made the balance: the "
                    + "previous balance, purchases, credits (refunds and repayments), late fee and interest. "
                    + "A debit card has none.")
    @ApiResponse(
            responseCode = "404",
            description = "card_not_found",
            content = @Content(mediaType = "application/problem+json"))
    @GetMapping("/{id}/statements")
    ResponseEntity<?> statements(@PathVariable UUID id) {
        CardId card = new CardId(id);
        if (cards.card(card).isEmpty()) {
            return CardRefusals.response(CardRefusal.CARD_NOT_FOUND);
        }
        return ResponseEntity.ok(Map.of(
                "statements",
                statements.of(card).stream().map(CardJson.StatementView::of).toList()));
    }

    @Operation(
            summary = "Repay a credit card from the holder's account in the card's currency; the id makes it "
                    + "idempotent",
            description = "201 with the repayment, 200 when the same request is repeated. The "
                    + "same id with another body is 409 id_reused.")
    @ApiResponse(responseCode = "201", description = "repaid (booked in the ledger)")
    @ApiResponse(
            responseCode = "404",
            description = "card_not_found",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(
            responseCode = "409",
            description = "id_reused",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(
            responseCode = "422",
            description = "amount_must_be_positive, card_not_credit, nothing_owed, "
                    + "exceeds_amount_owed, insufficient_funds, no_debit_account, account_unavailable",
            content = @Content(mediaType = "application/problem+json"))
    @PostMapping(path = "/{id}/repayments", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> repay(@PathVariable UUID id, @RequestBody RepaymentBody body) {
        RequiredFields.require(body.id(), "id", body.amountMinor(), "amountMinor");
        RepaymentResult result = repay.repay(body.id(), new CardId(id), body.amountMinor());
        if (result instanceof RepaymentResult.Refused refused) {
            return CardRefusals.response(refused.code());
        }
        RepaymentResult.Repaid repaid = (RepaymentResult.Repaid) result;
        return Created.unlessReplayed(repaid.replayed(), RepaymentJson.of(repaid.repayment()));
    }

    @Operation(summary = "Lock the card at once (the holder's pause); locking a locked card changes nothing")
    @ApiResponse(
            responseCode = "422",
            description = "card_not_active (blocked or expired)",
            content = @Content(mediaType = "application/problem+json"))
    @PostMapping("/{id}/lock")
    ResponseEntity<?> lock(@PathVariable UUID id) {
        return answer(cards.lock(new CardId(id)));
    }

    @Operation(summary = "Unlock a card its holder locked")
    @ApiResponse(
            responseCode = "422",
            description = "card_not_active (blocked or expired)",
            content = @Content(mediaType = "application/problem+json"))
    @PostMapping("/{id}/unlock")
    ResponseEntity<?> unlock(@PathVariable UUID id) {
        return answer(cards.unlock(new CardId(id)));
    }

    @Operation(
            summary = "Record the day the card bureau sent the card to its holder",
            description = "{\"dispatchedOn\": \"2026-12-05\"}, from the bureau's dispatch file: the holder's "
                    + "\"where is my card?\" in a private chat names the day from then on. The same day again changes "
                    + "nothing; another day corrects it. 200 with the card.")
    @ApiResponse(
            responseCode = "404",
            description = "card_not_found",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(
            responseCode = "422",
            description = "dispatch_date_not_valid (before the card was issued or after today)",
            content = @Content(mediaType = "application/problem+json"))
    @PutMapping(path = "/{id}/dispatch", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> dispatch(@PathVariable UUID id, @RequestBody DispatchBody body) {
        RequiredFields.require(body.dispatchedOn(), "dispatchedOn");
        return answer(cards.recordDispatch(new CardId(id), body.dispatchedOn()));
    }

    @Operation(summary = "A credit card's auto-repayment: off, or full / minimum on each due date from an account")
    @ApiResponse(
            responseCode = "404",
            description = "card_not_found",
            content = @Content(mediaType = "application/problem+json"))
    @GetMapping("/{id}/auto-repayment")
    ResponseEntity<?> autoRepayment(@PathVariable UUID id) {
        return autoRepayments
                .of(new CardId(id))
                .<ResponseEntity<?>>map(a -> ResponseEntity.ok(AutoRepaymentJson.of(a)))
                .orElseGet(() -> CardRefusals.response(CardRefusal.CARD_NOT_FOUND));
    }

    @Operation(
            summary = "Set a credit card's auto-repayment",
            description =
                    "{\"mode\": \"off\"|\"full\"|\"minimum\", "
                            + "\"fromAccountId\"?}: on each statement's due date the job repays the statement's balance (full) or "
                            + "its minimum, less what was repaid since the statement date, from that account (the holder's own, "
                            + "in the card's currency; by default the holder's primary account in it). Setting it again replaces it.")
    @ApiResponse(
            responseCode = "404",
            description = "card_not_found",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(
            responseCode = "422",
            description =
                    "mode_not_valid, card_not_credit, no_debit_account, " + "account_unavailable, currency_mismatch",
            content = @Content(mediaType = "application/problem+json"))
    @PutMapping(path = "/{id}/auto-repayment", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> setAutoRepayment(@PathVariable UUID id, @RequestBody AutoRepaymentBody body) {
        RequiredFields.require(body.mode(), "mode");
        AutoRepayment.Mode mode;
        try {
            mode = AutoRepayment.Mode.valueOf(body.mode().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return CardRefusals.response(CardRefusal.MODE_NOT_VALID);
        }
        AutoRepaymentResult result = autoRepayments.set(
                new CardId(id), mode, body.fromAccountId() == null ? null : new AccountId(body.fromAccountId()));
        if (result instanceof AutoRepaymentResult.Refused refused) {
            return CardRefusals.response(refused.code());
        }
        return ResponseEntity.ok(AutoRepaymentJson.of(((AutoRepaymentResult.Set) result).setting()));
    }

    private ResponseEntity<?> answer(CardResult result) {
        if (result instanceof CardResult.Refused refused) {
            return CardRefusals.response(refused.code());
        }
        var card = ((CardResult.Done) result).card();
        return ResponseEntity.ok(CardJson.CardView.of(card, cards.owedMinor(card)));
    }
}
