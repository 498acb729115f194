package org.socialbank.ledger.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import org.socialbank.ledger.BatchResult;
import org.socialbank.ledger.Ledger;
import org.socialbank.ledger.LedgerProperties;
import org.socialbank.ledger.Resolution;
import org.socialbank.ledger.TransferId;
import org.socialbank.ledger.TransferResult;
import org.socialbank.shared.web.BadRequest;
import org.socialbank.shared.web.Created;
import org.socialbank.shared.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Transfers: 201 when booked, 200 with the same body when an exact replay, 409 when the id was
 * used for something else, 422 with the rejection {@code code} otherwise.
 */
@RestController
@Tag(name = "Transfers")
@RequestMapping(path = "/api/v1/transfers", produces = MediaType.APPLICATION_JSON_VALUE)
class TransfersController {

    /** What the API's readers are told about choosing ids (docs/ledger.md, "Transfer ids"). */
    static final String IDS = "Any UUID is a valid id. Ids that grow with time (UUID version 7, RFC 9562) cost the"
            + " journal's index less than random ones: each is written at the end of the index instead of on a"
            + " random page of it (docs/ledger.md, \"Transfer ids\").";

    private final Ledger ledger;
    private final LedgerProperties properties;

    TransfersController(Ledger ledger, LedgerProperties properties) {
        this.ledger = ledger;
        this.properties = properties;
    }

    @Operation(
            summary = "Book a single-phase or pending transfer; the id (or Idempotency-Key) makes it idempotent",
            description = IDS)
    @ApiResponse(
            responseCode = "201",
            description = "booked",
            content = @Content(schema = @Schema(implementation = TransferJson.class)))
    @ApiResponse(
            responseCode = "200",
            description = "an exact replay: the original result",
            content = @Content(schema = @Schema(implementation = TransferJson.class)))
    @ApiResponse(
            responseCode = "409",
            description = "id_exists_with_different_fields",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(
            responseCode = "422",
            description = "rejected: see the code member",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(
            responseCode = "400",
            description = "malformed or invalid request",
            content = @Content(mediaType = "application/problem+json"))
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> create(
            @RequestBody LedgerBodies.CreateTransfer body,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        return respond(ledger.transfer(body.toNewTransfer(idempotencyKey)));
    }

    /** Books every transfer of the batch or none of them. */
    @Operation(summary = "Book a linked batch: every transfer or none", description = IDS)
    @ApiResponse(
            responseCode = "422",
            description = "one transfer failed: failedIndex and codes say which",
            content = @Content(mediaType = "application/problem+json"))
    @PostMapping(path = "/batch", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> batch(@RequestBody LedgerBodies.Batch body) {
        if (body.transfers() == null
                || body.transfers().isEmpty()
                || body.transfers().contains(null)) {
            throw new BadRequest("transfers must hold at least one transfer and no null");
        }
        if (body.transfers().size() > properties.batchSizeMax()) {
            throw new BadRequest("a linked batch holds 1 to " + properties.batchSizeMax() + " transfers");
        }
        BatchResult result = ledger.transferLinked(
                body.transfers().stream().map(t -> t.toNewTransfer(null)).toList());
        if (result instanceof BatchResult.Committed committed) {
            return Created.unlessReplayed(
                    committed.replayed(),
                    Map.of(
                            "transfers",
                            committed.transfers().stream().map(TransferJson::of).toList()));
        }
        BatchResult.Rejected rejected = (BatchResult.Rejected) result;
        ProblemDetail problem = Rejections.problem(rejected.code());
        problem.setProperty("failedIndex", rejected.failedIndex());
        problem.setProperty(
                "codes", rejected.codes().stream().map(c -> c.code()).toList());
        return Problems.response(problem);
    }

    /** Posts a pending transfer, in full or (with {@code amountMinor}) in part. */
    @Operation(summary = "Post a pending transfer, in full or in part")
    @ApiResponse(
            responseCode = "201",
            description = "posted",
            content = @Content(schema = @Schema(implementation = TransferJson.class)))
    @ApiResponse(
            responseCode = "200",
            description = "already posted by this same request",
            content = @Content(schema = @Schema(implementation = TransferJson.class)))
    @ApiResponse(
            responseCode = "422",
            description = "rejected: see the code member",
            content = @Content(mediaType = "application/problem+json"))
    @PostMapping(path = "/{id}/post")
    ResponseEntity<?> post(@PathVariable UUID id, @RequestBody(required = false) LedgerBodies.PostPending body) {
        OptionalLong amount =
                body == null || body.amountMinor() == null ? OptionalLong.empty() : OptionalLong.of(body.amountMinor());
        return respond(ledger.resolve(Resolution.post(new TransferId(id), amount)));
    }

    @Operation(summary = "Void a pending transfer")
    @ApiResponse(
            responseCode = "201",
            description = "voided",
            content = @Content(schema = @Schema(implementation = TransferJson.class)))
    @ApiResponse(
            responseCode = "422",
            description = "rejected: see the code member",
            content = @Content(mediaType = "application/problem+json"))
    @PostMapping(path = "/{id}/void")
    ResponseEntity<?> voidPending(@PathVariable UUID id) {
        return respond(ledger.resolve(Resolution.voidIt(new TransferId(id))));
    }

    @Operation(summary = "A transfer; a pending one with its current status")
    @ApiResponse(
            responseCode = "200",
            description = "the transfer",
            content = @Content(schema = @Schema(implementation = TransferJson.class)))
    @ApiResponse(
            responseCode = "404",
            description = "no such transfer",
            content = @Content(mediaType = "application/problem+json"))
    @GetMapping("/{id}")
    ResponseEntity<?> get(@PathVariable UUID id) {
        return ledger.transfer(new TransferId(id))
                .<ResponseEntity<?>>map(t -> ResponseEntity.ok(TransferJson.of(t)))
                .orElseGet(() -> Problems.response(
                        Problems.of(HttpStatus.NOT_FOUND, "transfer_not_found", "There is no transfer " + id + ".")));
    }

    private static ResponseEntity<?> respond(TransferResult result) {
        if (result instanceof TransferResult.Posted posted) {
            return Created.unlessReplayed(posted.replayed(), TransferJson.of(posted.transfer()));
        }
        return Problems.response(Rejections.problem(((TransferResult.Rejected) result).code()));
    }
}
