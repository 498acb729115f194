package org.socialbank.sweeping.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.socialbank.directory.CustomerId;
import org.socialbank.shared.CurrencyCode;
import org.socialbank.shared.web.BadRequest;
import org.socialbank.shared.web.Created;
import org.socialbank.shared.web.RequiredFields;
import org.socialbank.sweeping.Consent;
import org.socialbank.sweeping.ConsentId;
import org.socialbank.sweeping.ConsentRequest;
import org.socialbank.sweeping.LimitPeriod;
import org.socialbank.sweeping.LinkResult;
import org.socialbank.sweeping.SweepRefusal;
import org.socialbank.sweeping.Sweeping;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The customer's accounts at other banks: those the bank could link, the linked ones with their
 * consents, linking (201, 200 on a replay of the id; 422 invalid_consent, unknown_external_account,
 * no_account_in_currency, customer_not_found; 409 id_reused) and revoking (200 with the consent).
 */
@RestController
@Tag(name = "Sweeping")
@RequestMapping(path = "/api/v1/customers/{customerId}/external-accounts", produces = MediaType.APPLICATION_JSON_VALUE)
class ExternalAccountsController {

    private final Sweeping sweeping;
    private final Clock clock;

    ExternalAccountsController(Sweeping sweeping, Clock clock) {
        this.sweeping = sweeping;
        this.clock = clock;
    }

    record Body(
            UUID id,
            String bank,
            String accountRef,
            String currency,
            Long maxPaymentMinor,
            Long maxPeriodMinor,
            String period,
            Instant expiresAt) {}

    record Json(
            UUID id,
            String bank,
            String accountRef,
            String currency,
            long maxPaymentMinor,
            long maxPeriodMinor,
            String period,
            Instant expiresAt,
            String status,
            Instant createdAt,
            Instant revokedAt) {

        static Json of(Consent c, Instant now) {
            return new Json(
                    c.id().value(),
                    c.bank(),
                    c.accountRef(),
                    c.currency().code(),
                    c.maxPaymentMinor(),
                    c.maxPeriodMinor(),
                    c.period().wireName(),
                    c.expiresAt(),
                    c.state(now),
                    c.createdAt(),
                    c.revokedAt());
        }
    }

    record Available(String bank, String accountRef, String name, String currency) {}

    @Operation(summary = "The customer's accounts at another bank that could be linked")
    @GetMapping("/available")
    Map<String, List<Available>> available(@PathVariable UUID customerId, @RequestParam String bank) {
        return Map.of(
                "accounts",
                sweeping.available(new CustomerId(customerId), bank).stream()
                        .map(a -> new Available(
                                a.bank(), a.accountRef(), a.name(), a.currency().code()))
                        .toList());
    }

    @Operation(summary = "The linked external accounts and their consents (active, expired, revoked)")
    @GetMapping
    Map<String, List<Json>> list(@PathVariable UUID customerId) {
        Instant now = clock.instant();
        return Map.of(
                "externalAccounts",
                sweeping.consents(new CustomerId(customerId)).stream()
                        .map(c -> Json.of(c, now))
                        .toList());
    }

    @Operation(summary = "Link an external account with a consent; the id makes it idempotent")
    @ApiResponse(responseCode = "201", description = "the consent")
    @ApiResponse(
            responseCode = "422",
            description = "invalid_consent, unknown_external_account, " + "no_account_in_currency, customer_not_found",
            content = @Content(mediaType = "application/problem+json"))
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> link(@PathVariable UUID customerId, @RequestBody Body body) {
        RequiredFields.require(
                body.id(),
                "id",
                body.bank(),
                "bank",
                body.accountRef(),
                "accountRef",
                body.currency(),
                "currency",
                body.maxPaymentMinor(),
                "maxPaymentMinor",
                body.maxPeriodMinor(),
                "maxPeriodMinor",
                body.period(),
                "period",
                body.expiresAt(),
                "expiresAt");
        var period = LimitPeriod.fromWireName(body.period());
        if (period.isEmpty()) {
            return SweepProblems.of(SweepRefusal.INVALID_CONSENT);
        }
        LinkResult result = sweeping.link(new ConsentRequest(
                new ConsentId(body.id()),
                new CustomerId(customerId),
                body.bank(),
                body.accountRef(),
                CurrencyCode.find(body.currency())
                        .orElseThrow(() -> new BadRequest("unknown currency: " + body.currency())),
                body.maxPaymentMinor(),
                body.maxPeriodMinor(),
                period.get(),
                body.expiresAt()));
        if (result instanceof LinkResult.Refused refused) {
            return SweepProblems.of(refused.refusal());
        }
        LinkResult.Linked linked = (LinkResult.Linked) result;
        return Created.unlessReplayed(linked.replayed(), Json.of(linked.consent(), clock.instant()));
    }

    @Operation(summary = "One consent as it is now")
    @GetMapping("/{consentId}")
    ResponseEntity<?> get(@PathVariable UUID customerId, @PathVariable UUID consentId) {
        return sweeping.consent(new CustomerId(customerId), new ConsentId(consentId))
                .<ResponseEntity<?>>map(c -> ResponseEntity.ok(Json.of(c, clock.instant())))
                .orElseGet(() -> SweepProblems.of(SweepRefusal.CONSENT_NOT_FOUND));
    }

    @Operation(summary = "Revoke a consent (and delete its standing rules); revoking again changes nothing")
    @DeleteMapping("/{consentId}")
    ResponseEntity<?> revoke(@PathVariable UUID customerId, @PathVariable UUID consentId) {
        return sweeping.revoke(new CustomerId(customerId), new ConsentId(consentId))
                .<ResponseEntity<?>>map(c -> ResponseEntity.ok(Json.of(c, clock.instant())))
                .orElseGet(() -> SweepProblems.of(SweepRefusal.CONSENT_NOT_FOUND));
    }
}
