package org.socialbank.ledger.web;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import org.socialbank.ledger.BatchResult;
import org.socialbank.ledger.Ledger;
import org.socialbank.ledger.Resolution;
import org.socialbank.ledger.TransferId;
import org.socialbank.ledger.TransferResult;
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
@RequestMapping(path = "/api/v1/transfers", produces = MediaType.APPLICATION_JSON_VALUE)
class TransfersController {

    private final Ledger ledger;

    TransfersController(Ledger ledger) {
        this.ledger = ledger;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> create(@RequestBody Requests.CreateTransfer body,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        return respond(ledger.transfer(body.toNewTransfer(idempotencyKey)));
    }

    /** Books every transfer of the batch or none of them. */
    @PostMapping(path = "/batch", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> batch(@RequestBody Requests.Batch body) {
        if (body.transfers() == null || body.transfers().isEmpty()) {
            throw new IllegalArgumentException("transfers must hold at least one transfer");
        }
        BatchResult result = ledger.transferLinked(
                body.transfers().stream().map(t -> t.toNewTransfer(null)).toList());
        if (result instanceof BatchResult.Committed committed) {
            return ResponseEntity.status(committed.replayed() ? HttpStatus.OK : HttpStatus.CREATED)
                    .body(Map.of("transfers", committed.transfers().stream().map(TransferJson::of).toList()));
        }
        BatchResult.Rejected rejected = (BatchResult.Rejected) result;
        ProblemDetail problem = Rejections.problem(rejected.code());
        problem.setProperty("failedIndex", rejected.failedIndex());
        problem.setProperty("codes", rejected.codes().stream().map(c -> c.code()).toList());
        return Problems.response(problem);
    }

    /** Posts a pending transfer, in full or (with {@code amountMinor}) in part. */
    @PostMapping(path = "/{id}/post")
    ResponseEntity<?> post(@PathVariable UUID id,
            @RequestBody(required = false) Requests.PostPending body) {
        OptionalLong amount = body == null || body.amountMinor() == null ? OptionalLong.empty()
                : OptionalLong.of(body.amountMinor());
        return respond(ledger.resolve(Resolution.post(new TransferId(id), amount)));
    }

    @PostMapping(path = "/{id}/void")
    ResponseEntity<?> voidPending(@PathVariable UUID id) {
        return respond(ledger.resolve(Resolution.voidIt(new TransferId(id))));
    }

    @GetMapping("/{id}")
    ResponseEntity<?> get(@PathVariable UUID id) {
        return ledger.transfer(new TransferId(id)).<ResponseEntity<?>>map(t -> ResponseEntity.ok(TransferJson.of(t)))
                .orElseGet(() -> Problems.response(Problems.of(HttpStatus.NOT_FOUND,
                        "transfer_not_found", "There is no transfer " + id + ".")));
    }

    private static ResponseEntity<?> respond(TransferResult result) {
        if (result instanceof TransferResult.Posted posted) {
            return ResponseEntity.status(posted.replayed() ? HttpStatus.OK : HttpStatus.CREATED)
                    .body(TransferJson.of(posted.transfer()));
        }
        return Problems.response(Rejections.problem(((TransferResult.Rejected) result).code()));
    }

}
