package org.socialbank.sweeping.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import org.socialbank.directory.CustomerId;
import org.socialbank.shared.web.Created;
import org.socialbank.shared.web.RequiredFields;
import org.socialbank.sweeping.CollectRequest;
import org.socialbank.sweeping.CollectResult;
import org.socialbank.sweeping.ConsentId;
import org.socialbank.sweeping.Pull;
import org.socialbank.sweeping.PullId;
import org.socialbank.sweeping.RuleId;
import org.socialbank.sweeping.RuleRequest;
import org.socialbank.sweeping.RuleResult;
import org.socialbank.sweeping.SweepRefusal;
import org.socialbank.sweeping.SweepRule;
import org.socialbank.sweeping.Sweeping;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Pulls from linked accounts ("collect my money", idempotent by id: 201, 200 on a replay; 422
 * consent_expired, consent_revoked, over_payment_limit, over_period_limit, nothing_to_collect, ...;
 * 404 consent_not_found; 409 id_reused) and the monthly standing rules.
 */
@RestController
@Tag(name = "Sweeping")
@RequestMapping(path = "/api/v1/customers/{customerId}/sweeps", produces = MediaType.APPLICATION_JSON_VALUE)
class SweepsController {

    private final Sweeping sweeping;

    SweepsController(Sweeping sweeping) {
        this.sweeping = sweeping;
    }

    record Body(UUID id, UUID consentId, Long amountMinor, Long keepMinor) {}

    record Json(
            UUID id,
            UUID consentId,
            UUID ruleId,
            long amountMinor,
            String currency,
            String status,
            String code,
            String reference,
            Instant createdAt,
            Instant updatedAt) {

        static Json of(Pull p) {
            return new Json(
                    p.id().value(),
                    p.consentId().value(),
                    p.ruleId().map(RuleId::value).orElse(null),
                    p.amountMinor(),
                    p.currency().code(),
                    p.status().wireName(),
                    p.code(),
                    p.reference(),
                    p.createdAt(),
                    p.updatedAt());
        }
    }

    record RuleBody(UUID id, UUID consentId, Integer dayOfMonth, Long keepMinor) {}

    record RuleJson(UUID id, UUID consentId, int dayOfMonth, long keepMinor, Instant createdAt) {

        static RuleJson of(SweepRule r) {
            return new RuleJson(r.id().value(), r.consentId().value(), r.dayOfMonth(), r.keepMinor(), r.createdAt());
        }
    }

    @Operation(
            summary = "Collect money now from a linked account: amountMinor, or all above keepMinor within the "
                    + "consent's limits; the id makes it idempotent")
    @ApiResponse(responseCode = "201", description = "the pull: succeeded (credited), pending, unknown or failed")
    @ApiResponse(
            responseCode = "422",
            description = "consent_expired, consent_revoked, over_payment_limit, "
                    + "over_period_limit, nothing_to_collect, balance_unknown, invalid_amount, no_account_in_currency",
            content = @Content(mediaType = "application/problem+json"))
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> collect(@PathVariable UUID customerId, @RequestBody Body body) {
        RequiredFields.require(body.id(), "id", body.consentId(), "consentId");
        long keep = body.keepMinor() == null ? 0 : body.keepMinor();
        if (keep < 0) {
            return SweepProblems.of(SweepRefusal.INVALID_AMOUNT);
        }
        CollectResult result = sweeping.collect(new CollectRequest(
                new PullId(body.id()),
                new CustomerId(customerId),
                new ConsentId(body.consentId()),
                body.amountMinor() == null ? OptionalLong.empty() : OptionalLong.of(body.amountMinor()),
                keep));
        if (result instanceof CollectResult.Refused refused) {
            return SweepProblems.of(refused.refusal());
        }
        CollectResult.Done done = (CollectResult.Done) result;
        return Created.unlessReplayed(done.replayed(), Json.of(done.pull()));
    }

    @Operation(summary = "The customer's latest pulls, newest first (at most 100)")
    @GetMapping
    Map<String, List<Json>> list(@PathVariable UUID customerId) {
        return Map.of(
                "sweeps",
                sweeping.pulls(new CustomerId(customerId)).stream()
                        .map(Json::of)
                        .toList());
    }

    @Operation(summary = "One pull as it is now")
    @GetMapping("/{pullId}")
    ResponseEntity<?> get(@PathVariable UUID customerId, @PathVariable UUID pullId) {
        return sweeping.pull(new CustomerId(customerId), new PullId(pullId))
                .<ResponseEntity<?>>map(p -> ResponseEntity.ok(Json.of(p)))
                .orElseGet(() -> SweepProblems.of(SweepRefusal.PULL_NOT_FOUND));
    }

    @Operation(summary = "Create a monthly standing rule: on dayOfMonth, collect all but keepMinor")
    @ApiResponse(
            responseCode = "422",
            description = "invalid_rule, consent_expired, consent_revoked",
            content = @Content(mediaType = "application/problem+json"))
    @PostMapping(path = "/rules", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> createRule(@PathVariable UUID customerId, @RequestBody RuleBody body) {
        RequiredFields.require(
                body.id(),
                "id",
                body.consentId(),
                "consentId",
                body.dayOfMonth(),
                "dayOfMonth",
                body.keepMinor(),
                "keepMinor");
        RuleResult result = sweeping.createRule(new RuleRequest(
                new RuleId(body.id()),
                new CustomerId(customerId),
                new ConsentId(body.consentId()),
                body.dayOfMonth(),
                body.keepMinor()));
        if (result instanceof RuleResult.Refused refused) {
            return SweepProblems.of(refused.refusal());
        }
        RuleResult.Created created = (RuleResult.Created) result;
        return Created.unlessReplayed(created.replayed(), RuleJson.of(created.rule()));
    }

    @Operation(summary = "The customer's active standing rules")
    @GetMapping("/rules")
    Map<String, List<RuleJson>> rules(@PathVariable UUID customerId) {
        return Map.of(
                "rules",
                sweeping.rules(new CustomerId(customerId)).stream()
                        .map(RuleJson::of)
                        .toList());
    }

    @Operation(summary = "Delete a standing rule")
    @DeleteMapping("/rules/{ruleId}")
    ResponseEntity<?> deleteRule(@PathVariable UUID customerId, @PathVariable UUID ruleId) {
        return sweeping.deleteRule(new CustomerId(customerId), new RuleId(ruleId))
                ? ResponseEntity.noContent().build()
                : SweepProblems.of(SweepRefusal.RULE_NOT_FOUND);
    }
}
