package org.socialbank.ledger.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Optional;
import java.util.UUID;
import org.socialbank.ledger.AccountId;
import org.socialbank.ledger.AccountStatus;
import org.socialbank.ledger.Ledger;
import org.socialbank.ledger.LedgerProperties;
import org.socialbank.ledger.OpenResult;
import org.socialbank.ledger.RejectionCode;
import org.socialbank.ledger.StatementPage;
import org.socialbank.ledger.StatusResult;
import org.socialbank.shared.web.BadRequest;
import org.socialbank.shared.web.Created;
import org.socialbank.shared.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Accounts")
@RequestMapping(path = "/api/v1/accounts", produces = MediaType.APPLICATION_JSON_VALUE)
class AccountsController {

    private final Ledger ledger;
    private final LedgerProperties properties;

    AccountsController(Ledger ledger, LedgerProperties properties) {
        this.ledger = ledger;
        this.properties = properties;
    }

    /** Opens an account; 201 when opened, 200 when the same request had opened it before. */
    @Operation(summary = "Open an account; the id (or Idempotency-Key) makes it idempotent")
    @ApiResponse(
            responseCode = "201",
            description = "opened",
            content = @Content(schema = @Schema(implementation = AccountJson.class)))
    @ApiResponse(
            responseCode = "200",
            description = "an exact replay",
            content = @Content(schema = @Schema(implementation = AccountJson.class)))
    @ApiResponse(
            responseCode = "409",
            description = "id_exists_with_different_fields",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(
            responseCode = "422",
            description = "rejected: see the code member",
            content = @Content(mediaType = "application/problem+json"))
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> open(
            @RequestBody LedgerBodies.OpenAccount body,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        OpenResult result = ledger.open(body.toNewAccount(idempotencyKey));
        if (result instanceof OpenResult.Opened opened) {
            return Created.unlessReplayed(opened.replayed(), AccountJson.of(opened.account()));
        }
        return Problems.response(Rejections.problem(((OpenResult.Rejected) result).code()));
    }

    @Operation(summary = "An account and its four balances")
    @ApiResponse(
            responseCode = "200",
            description = "the account",
            content = @Content(schema = @Schema(implementation = AccountJson.class)))
    @ApiResponse(
            responseCode = "404",
            description = "no such account",
            content = @Content(mediaType = "application/problem+json"))
    @GetMapping("/{id}")
    ResponseEntity<?> get(@PathVariable UUID id) {
        return ledger.account(new AccountId(id))
                .<ResponseEntity<?>>map(a -> ResponseEntity.ok(AccountJson.of(a)))
                .orElseGet(() -> notFound(id));
    }

    /** The account's transfers, newest first; follow {@code nextCursor} for older ones. */
    @Operation(summary = "Statement: the account's transfers, newest first, paged by cursor")
    @ApiResponse(
            responseCode = "200",
            description = "one page",
            content = @Content(schema = @Schema(implementation = StatementJson.class)))
    @ApiResponse(
            responseCode = "404",
            description = "no such account",
            content = @Content(mediaType = "application/problem+json"))
    @GetMapping("/{id}/transfers")
    ResponseEntity<?> statement(
            @PathVariable UUID id,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "50") int limit) {
        if (limit < 1 || limit > properties.statementPageMax()) {
            throw new BadRequest("limit must be between 1 and " + properties.statementPageMax());
        }
        if (cursor != null && !Ledger.readsCursor(cursor)) {
            throw new BadRequest("cursor is not one this server issued");
        }
        Optional<StatementPage> page = ledger.statement(new AccountId(id), Optional.ofNullable(cursor), limit);
        return page.<ResponseEntity<?>>map(p -> ResponseEntity.ok(new StatementJson(
                        p.transfers().stream().map(TransferJson::of).toList(),
                        p.nextCursor().orElse(null))))
                .orElseGet(() -> notFound(id));
    }

    /** Freezes ({@code frozen}), unfreezes ({@code open}) or closes ({@code closed}) an account. */
    @Operation(summary = "Freeze, unfreeze or close an account")
    @ApiResponse(
            responseCode = "200",
            description = "the account with its new status",
            content = @Content(schema = @Schema(implementation = AccountJson.class)))
    @ApiResponse(
            responseCode = "422",
            description = "rejected: see the code member",
            content = @Content(mediaType = "application/problem+json"))
    @PostMapping(path = "/{id}/status", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> changeStatus(@PathVariable UUID id, @RequestBody LedgerBodies.ChangeStatus body) {
        AccountStatus target = AccountStatus.fromWireName(body.status())
                .orElseThrow(() -> new BadRequest("status must be open, frozen or closed"));
        StatusResult result = ledger.changeStatus(new AccountId(id), target);
        if (result instanceof StatusResult.Changed changed) {
            return ResponseEntity.ok(AccountJson.of(changed.account()));
        }
        RejectionCode code = ((StatusResult.Rejected) result).code();
        return code == RejectionCode.ACCOUNT_NOT_FOUND ? notFound(id) : Problems.response(Rejections.problem(code));
    }

    private static ResponseEntity<?> notFound(UUID id) {
        return Problems.response(
                Problems.of(HttpStatus.NOT_FOUND, "account_not_found", "There is no account " + id + "."));
    }

    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    record StatementJson(java.util.List<TransferJson> transfers, String nextCursor) {}
}
