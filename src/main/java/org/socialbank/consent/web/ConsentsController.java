package org.socialbank.consent.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Optional;
import org.socialbank.consent.ConsentChange;
import org.socialbank.consent.ConsentSource;
import org.socialbank.consent.ConsentStatus;
import org.socialbank.consent.Consents;
import org.socialbank.consent.Purpose;
import org.socialbank.shared.Network;
import org.socialbank.shared.web.Problems;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Consents of a chat account, by network and the platform's user id. POST records one given
 * elsewhere; its evidence makes it idempotent: a replay answers 201 with the first change and
 * {@code replayed: true}, and records nothing; evidence recorded for another account or status is
 * a 409 {@code evidence_reused}.
 */
@RestController
@Tag(name = "Consents")
@RequestMapping(path = "/api/v1/consents", produces = MediaType.APPLICATION_JSON_VALUE)
class ConsentsController {

    private final Consents consents;

    ConsentsController(Consents consents) {
        this.consents = consents;
    }

    @Operation(summary = "The consents of a chat account as they are now (none: no marketing)")
    @ApiResponse(responseCode = "200", description = "{\"consents\": [...]}")
    @ApiResponse(
            responseCode = "400",
            description = "unknown_channel, external_user_id_invalid",
            content = @Content(mediaType = "application/problem+json"))
    @GetMapping
    ResponseEntity<?> list(
            @RequestParam(required = false) String channel, @RequestParam(required = false) String externalUserId) {
        Optional<Network> network = Network.fromWireName(channel == null ? "" : channel);
        if (network.isEmpty()) {
            return bad("unknown_channel", "channel must be one of the networks' wire names (telegram, wechat, ...).");
        }
        Optional<String> problem = ConsentChange.problem(externalUserId, "-", "-");
        if (problem.isPresent()) {
            return bad(problem.get(), "externalUserId must be the platform's user id (1 to 128 characters).");
        }
        return ResponseEntity.ok(new ConsentJson.Page(consents.current(network.get(), externalUserId).stream()
                .map(ConsentJson::of)
                .toList()));
    }

    @Operation(summary = "Record a consent the customer gave (or withdrew) elsewhere, with the exact text shown")
    @ApiResponse(responseCode = "201", description = "the consent as it is now (replayed: the evidence was known)")
    @ApiResponse(
            responseCode = "400",
            description = "unknown_channel, unknown_purpose, unknown_status, "
                    + "external_user_id_invalid, text_missing, text_too_long, evidence_invalid",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(
            responseCode = "409",
            description = "evidence_reused: the evidence is recorded for another account or status",
            content = @Content(mediaType = "application/problem+json"))
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> give(@RequestBody ConsentJson.Give body) {
        Optional<Network> network = Network.fromWireName(body.channel() == null ? "" : body.channel());
        if (network.isEmpty()) {
            return bad("unknown_channel", "channel must be one of the networks' wire names (telegram, wechat, ...).");
        }
        Optional<Purpose> purpose = Purpose.fromWireName(body.purpose() == null ? "" : body.purpose());
        if (purpose.isEmpty()) {
            return bad("unknown_purpose", "purpose must be marketing.");
        }
        Optional<ConsentStatus> status = ConsentStatus.fromWireName(body.status() == null ? "given" : body.status());
        if (status.isEmpty()) {
            return bad("unknown_status", "status must be given or withdrawn.");
        }
        Optional<String> problem = ConsentChange.problem(body.externalUserId(), body.text(), body.evidence());
        if (problem.isPresent()) {
            return bad(problem.get(), "externalUserId (1-128), text (1-2000) and evidence (1-128) are required.");
        }
        ConsentChange change = new ConsentChange(
                network.get(),
                body.externalUserId(),
                purpose.get(),
                status.get(),
                body.text(),
                body.evidence(),
                ConsentSource.API);
        Consents.Outcome outcome;
        try {
            outcome = consents.record(change);
        } catch (DuplicateKeyException raced) {
            outcome = consents.record(change); // a concurrent change with the evidence won: it answers now
        }
        if (!(outcome instanceof Consents.Recorded recorded)) {
            return Problems.response(Problems.of(
                    HttpStatus.CONFLICT,
                    "evidence_reused",
                    "This evidence is already recorded for another chat account or another status; "
                            + "each change needs its own evidence."));
        }
        ConsentJson c = ConsentJson.of(recorded.consent());
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new Answer(
                        c.purpose(),
                        c.channel(),
                        c.status(),
                        c.changedAt(),
                        c.externalUserId(),
                        c.text(),
                        c.evidence(),
                        c.source(),
                        recorded.replayed()));
    }

    private static ResponseEntity<?> bad(String code, String detail) {
        return Problems.response(Problems.of(HttpStatus.BAD_REQUEST, code, detail));
    }

    /** The consent recorded, flat, and whether it was a replay. */
    record Answer(
            String purpose,
            String channel,
            String status,
            java.time.Instant changedAt,
            String externalUserId,
            String text,
            String evidence,
            String source,
            boolean replayed) {}
}
