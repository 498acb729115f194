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
import org.socialbank.campaigns.Campaigns;
import org.socialbank.directory.Language;
import org.socialbank.directory.Network;
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
 * Campaigns for staff (the admin scope until a campaigns scope exists): define a draft, approve
 * it with another token (four eyes), read it with its recipients' states.
 */
@RestController
@Tag(name = "Campaigns")
@RequestMapping(path = "/api/v1/campaigns", produces = MediaType.APPLICATION_JSON_VALUE)
class CampaignsController {

    private static final Map<String, HttpStatus> STATUSES = Map.of("campaign_not_found", HttpStatus.NOT_FOUND,
            "four_eyes", HttpStatus.CONFLICT, "not_draft", HttpStatus.CONFLICT, "id_reused", HttpStatus.CONFLICT);

    private final Campaigns campaigns;

    CampaignsController(Campaigns campaigns) {
        this.campaigns = campaigns;
    }

    /** A campaign to define: {@code texts} by language tag, {@code en} required; {@code channel} optional. */
    record Define(UUID id, String name, String channel, Map<String, String> texts) {
    }

    @Operation(summary = "Define a draft campaign; the id makes it idempotent")
    @ApiResponse(responseCode = "201", description = "the draft; 200 on a replay of the id")
    @ApiResponse(responseCode = "400", description = "id_missing, name_invalid, unknown_channel, texts_invalid",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "409", description = "id_reused", content = @Content(mediaType = "application/problem+json"))
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> define(@RequestBody Define body, Principal caller) {
        Optional<String> problem = problem(body);
        if (problem.isPresent()) {
            return Problems.response(Problems.of(HttpStatus.BAD_REQUEST, problem.get(),
                    "id, name (1-200), texts by language (en required, 1-4000 each) and an optional channel."));
        }
        Network channel = body.channel() == null ? null : Network.fromWireName(body.channel()).orElseThrow();
        return answer(campaigns.define(body.id(), body.name(), channel, body.texts(), caller.getName()), HttpStatus.CREATED);
    }

    @Operation(summary = "Approve a draft (not by its creator) and queue everyone whose marketing consent is given")
    @ApiResponse(responseCode = "200", description = "the campaign with its queued recipients")
    @ApiResponse(responseCode = "409", description = "four_eyes, not_draft", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "404", description = "campaign_not_found", content = @Content(mediaType = "application/problem+json"))
    @PostMapping("/{id}/approve")
    ResponseEntity<?> approve(@PathVariable UUID id, Principal caller) {
        return answer(campaigns.approve(id, caller.getName()), HttpStatus.OK);
    }

    @Operation(summary = "A campaign and how many recipients are queued, sent, failed or opted out")
    @GetMapping("/{id}")
    ResponseEntity<?> get(@PathVariable UUID id) {
        return campaigns.campaign(id).<ResponseEntity<?>>map(c -> ResponseEntity.ok(CampaignJson.of(c)))
                .orElseGet(() -> Problems.response(Problems.of(HttpStatus.NOT_FOUND, "campaign_not_found",
                        "There is no such campaign.")));
    }

    /** A campaign on the wire: the network by its wire name. */
    record CampaignJson(UUID id, String name, String channel, Map<String, String> texts, String status,
            String createdBy, String approvedBy, java.time.Instant createdAt, Map<String, Long> recipients) {

        static CampaignJson of(Campaign c) {
            return new CampaignJson(c.id(), c.name(), c.channel() == null ? null : c.channel().wireName(), c.texts(),
                    c.status(), c.createdBy(), c.approvedBy(), c.createdAt(), c.recipients());
        }
    }

    private static ResponseEntity<?> answer(CampaignOutcome outcome, HttpStatus created) {
        if (outcome instanceof CampaignOutcome.Done done) {
            return ResponseEntity.status(done.replayed() ? HttpStatus.OK : created).body(CampaignJson.of(done.campaign()));
        }
        String code = ((CampaignOutcome.Refused) outcome).code();
        return Problems.response(Problems.of(STATUSES.getOrDefault(code, HttpStatus.CONFLICT), code,
                code.equals("four_eyes") ? "The creator of a campaign cannot approve it." : code));
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
        Map<String, String> texts = body.texts();
        boolean textsOk = texts != null && texts.containsKey("en") && texts.entrySet().stream()
                .allMatch(e -> Language.fromTag(e.getKey()).isPresent() && e.getValue() != null
                        && !e.getValue().isBlank() && e.getValue().length() <= Campaign.TEXT_LENGTH_MAX);
        return textsOk ? Optional.empty() : Optional.of("texts_invalid");
    }
}
