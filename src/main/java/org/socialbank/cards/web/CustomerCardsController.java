package org.socialbank.cards.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.socialbank.cards.CardRefusal;
import org.socialbank.cards.Cards;
import org.socialbank.directory.CustomerId;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A customer's cards (under {@code /api/v1/customers}, so it takes the directory's read scope). */
@RestController
@Tag(name = "Cards")
class CustomerCardsController {

    private final Cards cards;

    CustomerCardsController(Cards cards) {
        this.cards = cards;
    }

    @Operation(summary = "The customer's debit and credit cards, numbers masked (first six and last four digits)")
    @ApiResponse(
            responseCode = "200",
            description = "{\"cards\": [...]}, oldest first; a credit card also shows "
                    + "its limit, what it owes, what is available and its statement day")
    @ApiResponse(
            responseCode = "404",
            description = "customer_not_found",
            content = @Content(mediaType = "application/problem+json"))
    @GetMapping(path = "/api/v1/customers/{id}/cards", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> cards(@PathVariable UUID id) {
        return cards.cardsOf(new CustomerId(id))
                .<ResponseEntity<?>>map(list -> ResponseEntity.ok(Map.of("cards", views(list))))
                .orElseGet(() -> CardRefusals.response(CardRefusal.CUSTOMER_NOT_FOUND));
    }

    private List<CardJson.CardView> views(List<org.socialbank.cards.Card> list) {
        return list.stream()
                .map(c -> CardJson.CardView.of(c, cards.owedMinor(c)))
                .toList();
    }
}
