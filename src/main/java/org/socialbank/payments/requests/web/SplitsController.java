package org.socialbank.payments.requests.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.socialbank.directory.CustomerId;
import org.socialbank.payments.requests.Requests;
import org.socialbank.payments.requests.SplitId;
import org.socialbank.payments.requests.SplitResult;
import org.socialbank.shared.web.Created;
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

/** Bill splits: one request per member; the organiser sees who paid and may remind the others. */
@RestController
@Tag(name = "Splits")
@RequestMapping(path = "/api/v1/splits", produces = MediaType.APPLICATION_JSON_VALUE)
class SplitsController {

    private final Requests requests;

    SplitsController(Requests requests) {
        this.requests = requests;
    }

    @Operation(summary = "Split a bill between members, in equal or given shares, optionally including the organiser")
    @ApiResponse(
            responseCode = "201",
            description = "the split and its requests",
            content = @Content(schema = @Schema(implementation = RequestJson.SplitJson.class)))
    @ApiResponse(
            responseCode = "200",
            description = "a replay of the id: the split as it is now",
            content = @Content(schema = @Schema(implementation = RequestJson.SplitJson.class)))
    @ApiResponse(
            responseCode = "400",
            description = "malformed, or shares_do_not_add_up, shares_mixed, " + "share_too_small, duplicate_member",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(
            responseCode = "409",
            description = "id_reused",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(
            responseCode = "422",
            description = "organiser_not_found, no_account_in_currency, "
                    + "organiser_has_no_alias, member_is_organiser, member_not_found",
            content = @Content(mediaType = "application/problem+json"))
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> split(@RequestBody RequestBodies.SplitBody body) {
        SplitResult result = requests.split(body.order());
        if (result instanceof SplitResult.Refused refused) {
            return Problems.response(RequestRejections.problem(refused.rejection()));
        }
        SplitResult.Made made = (SplitResult.Made) result;
        return Created.unlessReplayed(made.replayed(), RequestJson.SplitJson.of(made.split()));
    }

    @Operation(summary = "A split: each member's request and status, what was paid and what is outstanding")
    @ApiResponse(
            responseCode = "200",
            description = "the split",
            content = @Content(schema = @Schema(implementation = RequestJson.SplitJson.class)))
    @ApiResponse(
            responseCode = "404",
            description = "split_not_found",
            content = @Content(mediaType = "application/problem+json"))
    @GetMapping("/{id}")
    ResponseEntity<?> get(@PathVariable UUID id) {
        return requests.split(new SplitId(id))
                .<ResponseEntity<?>>map(s -> ResponseEntity.ok(RequestJson.SplitJson.of(s)))
                .orElseGet(() -> notFound(id));
    }

    @Operation(summary = "Remind the members who have not paid; each at most once per reminder interval")
    @ApiResponse(
            responseCode = "200",
            description = "who is reminded now, who was reminded too recently, and when next",
            content = @Content(schema = @Schema(implementation = RequestJson.RemindersJson.class)))
    @ApiResponse(
            responseCode = "404",
            description = "split_not_found (also for a customer who is not its organiser)",
            content = @Content(mediaType = "application/problem+json"))
    @PostMapping(path = "/{id}/remind", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> remind(@PathVariable UUID id, @RequestBody RequestBodies.Organiser body) {
        RequestBodies.require(RequestBodies.missing(body.organiserCustomerId(), "organiserCustomerId"));
        return requests.remind(new SplitId(id), new CustomerId(body.organiserCustomerId()))
                .<ResponseEntity<?>>map(r -> ResponseEntity.ok(RequestJson.RemindersJson.of(r)))
                .orElseGet(() -> notFound(id));
    }

    private static ResponseEntity<?> notFound(UUID id) {
        return Problems.response(Problems.of(HttpStatus.NOT_FOUND, "split_not_found", "There is no split " + id + "."));
    }
}
