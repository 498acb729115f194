package org.socialbank.payments.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.socialbank.payments.Payments;
import org.socialbank.shared.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The claim page's data as JSON, for the bank's own apps. */
@RestController
@Tag(name = "Claims")
@RequestMapping(path = "/api/v1/claims", produces = MediaType.APPLICATION_JSON_VALUE)
class ClaimsController {

    private final Payments payments;

    ClaimsController(Payments payments) {
        this.payments = payments;
    }

    @Operation(summary = "A claim: its status, the masked payer, the amount, the expiry and the proof it needs")
    @ApiResponse(
            responseCode = "200",
            description = "the claim",
            content = @Content(schema = @Schema(implementation = ClaimJson.class)))
    @ApiResponse(
            responseCode = "404",
            description = "claim_not_found",
            content = @Content(mediaType = "application/problem+json"))
    @GetMapping("/{token}")
    ResponseEntity<?> get(@PathVariable String token) {
        return payments.claim(token)
                .<ResponseEntity<?>>map(v -> ResponseEntity.ok(ClaimJson.of(v)))
                .orElseGet(() -> Problems.response(
                        Problems.of(HttpStatus.NOT_FOUND, "claim_not_found", "There is no claim with this token.")));
    }
}
