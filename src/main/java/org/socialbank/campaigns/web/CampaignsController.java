package org.socialbank.campaigns.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.socialbank.campaigns.Campaign;
import org.socialbank.campaigns.CampaignOutcome;
import org.socialbank.campaigns.CampaignRules;
import org.socialbank.campaigns.CampaignStatsCsv;
import org.socialbank.campaigns.Campaigns;
import org.socialbank.shared.Language;
import org.socialbank.shared.Network;
import org.socialbank.shared.web.Problems;
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
 * Campaigns for staff (scopes {@code campaigns:read} / {@code campaigns:write}): define a draft,
 * approve it with another token (four eyes), pause and resume it, read it with its recipients'
 * states and its statistics.
 */
@RestController
@Tag(name = "Campaigns")
@RequestMapping(path = "/api/v1/campaigns", produces = MediaType.APPLICATION_JSON_VALUE)
class CampaignsController {

    private static final Map<String, HttpStatus> STATUSES = Map.of(
            "campaign_not_found",
            HttpStatus.NOT_FOUND,
            "four_eyes",
            HttpStatus.CONFLICT,
            "not_draft",
            HttpStatus.CONFLICT,
            "id_reused",
            HttpStatus.CONFLICT,
            "channel_public",
            HttpStatus.BAD_REQUEST,
            "not_running",
            HttpStatus.CONFLICT,
            "not_paused",
            HttpStatus.CONFLICT,
            "code_unknown",
            HttpStatus.NOT_FOUND,
            "customer_not_found",
            HttpStatus.NOT_FOUND,
            "not_a_referral",
            HttpStatus.CONFLICT);

    private final Campaigns campaigns;
    private final org.socialbank.campaigns.CampaignReferrals referrals;

    CampaignsController(Campaigns campaigns, org.socialbank.campaigns.CampaignReferrals referrals) {
        this.campaigns = campaigns;
        this.referrals = referrals;
    }

    @Operation(summary = "Record the new customer a recipient's link brought (a referral campaign)")
    @ApiResponse(responseCode = "201", description = "recorded; 200 when it was already")
    @ApiResponse(
            responseCode = "409",
            description = "self_referral, already_referred, not_new, referrals_max, not_a_referral, not_running",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(
            responseCode = "404",
            description = "campaign_not_found, code_unknown, customer_not_found",
            content = @Content(mediaType = "application/problem+json"))
    @PostMapping(path = "/{id}/referrals", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> refer(@PathVariable UUID id, @RequestBody Refer body) {
        if (body.code() == null || body.customerId() == null) {
            return Problems.response(Problems.of(
                    HttpStatus.BAD_REQUEST,
                    "referral_invalid",
                    "code (the ref of the link) and customerId are required."));
        }
        org.socialbank.campaigns.ReferralOutcome outcome;
        try {
            outcome = referrals.record(id, body.code(), new org.socialbank.directory.CustomerId(body.customerId()));
        } catch (org.springframework.dao.DataIntegrityViolationException e) {
            outcome = new org.socialbank.campaigns.ReferralOutcome.Refused(
                    "already_referred"); // a concurrent recording won
        }
        if (outcome instanceof org.socialbank.campaigns.ReferralOutcome.Recorded r) {
            return ResponseEntity.status(r.replayed() ? HttpStatus.OK : HttpStatus.CREATED)
                    .body(Map.of(
                            "campaignId", r.campaignId(), "referrer", r.referrerId(), "customerId", r.refereeId()));
        }
        String code = ((org.socialbank.campaigns.ReferralOutcome.Refused) outcome).code();
        return Problems.response(Problems.of(STATUSES.getOrDefault(code, HttpStatus.CONFLICT), code, code));
    }

    /**
     * A campaign to define: {@code texts} by language tag, {@code en} required; {@code channel}
     * optional; {@code textsB} a B variant (same rules); the rest optional with defaults: a weekly
     * cap of 2, quiet hours 21:00-09:00, no control group, everyone.
     */
    record Define(
            UUID id,
            String name,
            String channel,
            Map<String, String> texts,
            Map<String, String> textsB,
            Integer weeklyCap,
            QuietHours quietHours,
            Integer controlPercent,
            Segment segment,
            String sendAt,
            String link,
            Reward reward,
            java.util.List<Button> buttons) {}

    /**
     * A cashback of {@code amountMinor} in {@code currency}, or {@code points} loyalty points, for the
     * first posting coded {@code action} within {@code withinDays}.
     */
    record Reward(
            String action, Long amountMinor, String currency, Integer withinDays, Long points, Referral referral) {}

    /** A referral reward: the new customer earns it too when {@code refereeToo}; {@code perReferrerMax} 1..50 (default 5). */
    record Referral(Boolean refereeToo, Integer perReferrerMax) {}

    /** A new customer a recipient brought: the {@code code} her link carried ({@code ref}), and the new customer's id. */
    record Refer(String code, UUID customerId) {}

    /** A button of the staff's own: {@code labels} by language ({@code en} required), and a {@code url} or an {@code action}. */
    record Button(Map<String, String> labels, String url, String action) {}

    record QuietHours(String from, String to) {}

    /** {@code languages}: tags ({@code fr}); {@code kycLevels}: {@code claim_only}, {@code basic}, {@code full}. */
    record Segment(
            java.util.List<String> languages,
            java.util.List<String> kycLevels,
            java.util.List<String> products,
            Balance balance,
            LastActivity lastActivity) {}

    /** The sum of wallet and current balances in {@code currency}, within [minMinor, maxMinor] (either open). */
    record Balance(String currency, Long minMinor, Long maxMinor) {}

    /** A posting on one of her accounts within {@code withinDays}, or none for {@code notWithinDays}. */
    record LastActivity(Integer withinDays, Integer notWithinDays) {}

    @Operation(summary = "Define a draft campaign; the id makes it idempotent")
    @ApiResponse(responseCode = "201", description = "the draft; 200 on a replay of the id")
    @ApiResponse(
            responseCode = "400",
            description = "id_missing, name_invalid, unknown_channel, texts_invalid",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(
            responseCode = "409",
            description = "id_reused",
            content = @Content(mediaType = "application/problem+json"))
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> define(@RequestBody Define body, Principal caller) {
        Optional<String> problem = problem(body);
        if (problem.isPresent()) {
            return Problems.response(Problems.of(
                    HttpStatus.BAD_REQUEST,
                    problem.get(),
                    "id, name (1-200), texts by language (en required, 1-4000 each) and an optional channel."));
        }
        Network channel = body.channel() == null
                ? null
                : Network.fromWireName(body.channel()).orElseThrow();
        Campaigns.Definition definition;
        try {
            definition = CampaignBodies.definition(body, channel);
        } catch (IllegalArgumentException e) {
            return Problems.response(
                    Problems.of(HttpStatus.BAD_REQUEST, e.getMessage(), CampaignBodies.detail(e.getMessage())));
        }
        return answer(campaigns.define(body.id(), definition, actor(caller)), HttpStatus.CREATED);
    }

    @Operation(summary = "Approve a draft (not by its creator) and queue everyone whose marketing consent is given")
    @ApiResponse(responseCode = "200", description = "the campaign with its queued recipients")
    @ApiResponse(
            responseCode = "409",
            description = "four_eyes, not_draft",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(
            responseCode = "404",
            description = "campaign_not_found",
            content = @Content(mediaType = "application/problem+json"))
    @PostMapping("/{id}/approve")
    ResponseEntity<?> approve(@PathVariable UUID id, Principal caller) {
        return answer(campaigns.approve(id, actor(caller)), HttpStatus.OK);
    }

    @Operation(summary = "Pause an approved or sending campaign: nothing more is queued or sent until it is resumed")
    @ApiResponse(
            responseCode = "409",
            description = "not_running",
            content = @Content(mediaType = "application/problem+json"))
    @PostMapping("/{id}/pause")
    ResponseEntity<?> pause(@PathVariable UUID id, Principal caller) {
        return answer(campaigns.pause(id, actor(caller)), HttpStatus.OK);
    }

    @Operation(summary = "Resume a paused campaign where it stopped")
    @ApiResponse(
            responseCode = "409",
            description = "not_paused",
            content = @Content(mediaType = "application/problem+json"))
    @PostMapping("/{id}/resume")
    ResponseEntity<?> resume(@PathVariable UUID id, Principal caller) {
        return answer(campaigns.resume(id, actor(caller)), HttpStatus.OK);
    }

    /** One row of a campaign's audit as JSON. */
    record AuditJson(java.time.Instant at, String action, String client, String clientName, String staff) {}

    @Operation(summary = "Who defined, approved, paused and resumed the campaign, and when (oldest first, at most 500)")
    @ApiResponse(
            responseCode = "200",
            description = "{\"entries\": [{\"at\", \"action\": \"defined\"|\"approved\"|\"paused\"|\"resumed\", "
                    + "\"client\" (the API token's fingerprint), \"clientName\", \"staff\"}]}")
    @ApiResponse(
            responseCode = "404",
            description = "campaign_not_found",
            content = @Content(mediaType = "application/problem+json"))
    @GetMapping("/{id}/audit")
    ResponseEntity<?> audit(@PathVariable UUID id) {
        return campaigns
                .audit(id)
                .<ResponseEntity<?>>map(entries -> ResponseEntity.ok(Map.of(
                        "entries",
                        entries.stream()
                                .map(e -> new AuditJson(
                                        e.at(),
                                        e.action(),
                                        e.who().client(),
                                        e.who().clientName(),
                                        e.who().staff()))
                                .toList())))
                .orElseGet(CampaignsController::notFound);
    }

    /**
     * The caller as the audit keeps it: the token's fingerprint (the principal) and the client's
     * configured name, which the bearer filter puts in the authentication's details.
     */
    static org.socialbank.campaigns.CampaignActor actor(Principal caller) {
        String name = caller instanceof org.springframework.security.core.Authentication a
                        && a.getDetails() instanceof String client
                ? client
                : null;
        return org.socialbank.campaigns.CampaignActor.client(caller.getName(), name);
    }

    @Operation(summary = "A campaign and how many recipients are queued, sent, failed or opted out")
    @GetMapping("/{id}")
    ResponseEntity<?> get(@PathVariable UUID id) {
        return campaigns
                .campaign(id)
                .<ResponseEntity<?>>map(c -> ResponseEntity.ok(CampaignJson.of(c)))
                .orElseGet(() -> Problems.response(
                        Problems.of(HttpStatus.NOT_FOUND, "campaign_not_found", "There is no such campaign.")));
    }

    @Operation(summary = "Recipients per variant and state, and why some failed or were left out")
    @GetMapping("/{id}/stats")
    ResponseEntity<?> stats(@PathVariable UUID id) {
        return campaigns.stats(id).<ResponseEntity<?>>map(ResponseEntity::ok).orElseGet(CampaignsController::notFound);
    }

    @Operation(summary = "The statistics as CSV: variant,state,count then variant,reason,count")
    @GetMapping(path = "/{id}/stats.csv", produces = "text/csv")
    ResponseEntity<?> statsCsv(@PathVariable UUID id) {
        return campaigns
                .stats(id)
                .<ResponseEntity<?>>map(s -> ResponseEntity.ok()
                        .contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
                        .body(CampaignStatsCsv.of(s)))
                .orElseGet(CampaignsController::notFound);
    }

    private static ResponseEntity<?> notFound() {
        return Problems.response(Problems.of(HttpStatus.NOT_FOUND, "campaign_not_found", "There is no such campaign."));
    }

    /** A campaign on the wire: the network by its wire name. */
    record CampaignJson(
            UUID id,
            String name,
            String channel,
            Map<String, String> texts,
            Map<String, String> textsB,
            int weeklyCap,
            QuietHours quietHours,
            int controlPercent,
            Segment segment,
            String status,
            String createdBy,
            String approvedBy,
            java.time.Instant createdAt,
            Map<String, Long> recipients,
            String sendAt,
            String link,
            Reward reward,
            java.util.List<Button> buttons) {

        static CampaignJson of(Campaign c) {
            CampaignRules r = c.rules();
            return new CampaignJson(
                    c.id(),
                    c.name(),
                    c.channel() == null ? null : c.channel().wireName(),
                    c.texts(),
                    c.textsB(),
                    r.weeklyCap(),
                    r.quietFrom() == null
                            ? null
                            : new QuietHours(
                                    r.quietFrom().toString(), r.quietTo().toString()),
                    r.controlPercent(),
                    CampaignBodies.segment(r),
                    c.status(),
                    c.createdBy(),
                    c.approvedBy(),
                    c.createdAt(),
                    c.recipients(),
                    c.sendAt() == null ? null : c.sendAt().toString(),
                    c.link(),
                    CampaignBodies.reward(c.reward()),
                    c.buttons().stream()
                            .map(b -> new Button(b.labels(), b.url(), b.action()))
                            .toList());
        }
    }

    private static ResponseEntity<?> answer(CampaignOutcome outcome, HttpStatus created) {
        if (outcome instanceof CampaignOutcome.Done done) {
            return ResponseEntity.status(done.replayed() ? HttpStatus.OK : created)
                    .body(CampaignJson.of(done.campaign()));
        }
        String code = ((CampaignOutcome.Refused) outcome).code();
        return Problems.response(Problems.of(
                STATUSES.getOrDefault(code, HttpStatus.CONFLICT),
                code,
                code.equals("four_eyes")
                        ? "The creator of a campaign cannot approve it."
                        : code.equals("not_running")
                                ? "Only an approved or sending campaign can be paused."
                                : code.equals("not_paused")
                                        ? "Only a paused campaign can be resumed."
                                        : code.equals("channel_public")
                                                ? "Campaigns never go to a public network (x)."
                                                : code));
    }

    private static Optional<String> problem(Define body) {
        if (body.id() == null) {
            return Optional.of("id_missing");
        }
        if (body.name() == null || body.name().isBlank() || body.name().length() > Campaign.NAME_LENGTH_MAX) {
            return Optional.of("name_invalid");
        }
        if (body.channel() != null && Network.fromWireName(body.channel()).isEmpty()) {
            return Optional.of("unknown_channel");
        }
        boolean textsOk =
                textsOk(body.texts()) && (body.textsB() == null || body.textsB().isEmpty() || textsOk(body.textsB()));
        return textsOk ? Optional.empty() : Optional.of("texts_invalid");
    }

    private static boolean textsOk(Map<String, String> texts) {
        return texts != null
                && texts.containsKey("en")
                && texts.entrySet().stream()
                        .allMatch(e -> Language.fromTag(e.getKey()).isPresent()
                                && e.getValue() != null
                                && !e.getValue().isBlank()
                                && e.getValue().length() <= Campaign.TEXT_LENGTH_MAX);
    }
}
