package org.socialbank.directory.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.socialbank.directory.Alias;
import org.socialbank.directory.CustomerId;
import org.socialbank.directory.CustomerView;
import org.socialbank.directory.Directory;
import org.socialbank.directory.DirectoryActor;
import org.socialbank.directory.DirectoryProperties;
import org.socialbank.directory.DirectoryResult;
import org.socialbank.directory.KycLevel;
import org.socialbank.directory.NewCustomer;
import org.socialbank.ledger.AccountId;
import org.socialbank.shared.Language;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The bank staff's API for customers, their aliases and the accounts they hold. */
@RestController
@Tag(name = "Customers")
@RequestMapping(path = "/api/v1/customers", produces = MediaType.APPLICATION_JSON_VALUE)
class CustomersController {

    private final Directory directory;
    private final DirectoryProperties properties;

    CustomersController(Directory directory, DirectoryProperties properties) {
        this.directory = directory;
        this.properties = properties;
    }

    record AliasBody(String type, String value, String network, String region, Boolean verified) {
        Alias toAlias() {
            return AliasesController.parse(type == null ? "" : type, value, network, region);
        }
    }

    record RegisterBody(
            UUID id,
            String displayName,
            String language,
            String kycLevel,
            String username,
            String password,
            List<AliasBody> aliases) {}

    record AccountBody(UUID accountId, Boolean primary) {}

    @Operation(summary = "Register a customer with aliases; idempotent by id")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> register(@RequestBody RegisterBody body, Principal caller) {
        if (body.id() == null) {
            throw new BadRequest("id is required: it makes the registration idempotent");
        }
        Language language = Language.fromTag(body.language() == null ? "" : body.language())
                .orElseThrow(() -> new BadRequest("language must be en, fr, ru, fa or zh"));
        KycLevel kyc = body.kycLevel() == null
                ? KycLevel.BASIC
                : KycLevel.fromWireName(body.kycLevel())
                        .orElseThrow(() -> new BadRequest("kycLevel must be claim_only, basic or full"));
        if (body.password() != null && NewCustomer.passwordTooLong(body.password())) {
            return Problems.response(Problems.of(
                    HttpStatus.BAD_REQUEST,
                    "password_too_long",
                    "password must be at most " + NewCustomer.PASSWORD_BYTES_MAX
                            + " bytes in UTF-8 (bcrypt reads no more): 72 Latin letters, 36 Cyrillic, 24 Chinese"));
        }
        List<CustomerView.AliasEntry> aliases = new ArrayList<>();
        if (body.aliases() != null) {
            body.aliases()
                    .forEach(a ->
                            aliases.add(new CustomerView.AliasEntry(a.toAlias(), Boolean.TRUE.equals(a.verified()))));
        }
        NewCustomer customer = BadRequest.whenRefused(() -> new NewCustomer(
                new CustomerId(body.id()),
                body.displayName(),
                language,
                kyc,
                body.username(),
                body.password(),
                aliases));
        return respond(directory.register(customer, actor(caller)));
    }

    @Operation(summary = "Customers with their aliases and accounts, in id order, paged by cursor")
    @GetMapping
    ResponseEntity<?> list(@RequestParam(required = false) UUID cursor, @RequestParam(defaultValue = "50") int limit) {
        if (limit < 1 || limit > properties.pageMax()) {
            throw new BadRequest("limit must be between 1 and " + properties.pageMax());
        }
        List<CustomerView> page =
                directory.customers(Optional.ofNullable(cursor).map(CustomerId::new), limit);
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("customers", page.stream().map(CustomerJson::of).toList());
        if (page.size() == limit) {
            body.put("nextCursor", page.get(limit - 1).customer().id().value());
        }
        return ResponseEntity.ok(body);
    }

    @GetMapping("/{id}")
    ResponseEntity<?> get(@PathVariable UUID id) {
        return directory
                .customer(new CustomerId(id))
                .<ResponseEntity<?>>map(c -> ResponseEntity.ok(CustomerJson.of(c)))
                .orElseGet(() -> Problems.response(
                        Problems.of(HttpStatus.NOT_FOUND, "customer_not_found", "There is no customer " + id + ".")));
    }

    @Operation(summary = "Add an alias to a customer; 409 alias_taken when it is someone else's")
    @PostMapping(path = "/{id}/aliases", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> addAlias(@PathVariable UUID id, @RequestBody AliasBody body, Principal caller) {
        return respond(directory.addAlias(
                new CustomerId(id), body.toAlias(), Boolean.TRUE.equals(body.verified()), actor(caller)));
    }

    record ReleaseBody(String type, String value, String network, String region, String reason) {}

    /** The most characters of a release's reason the audit keeps. */
    static final int REASON_LENGTH_MAX = 200;

    @Operation(
            summary = "Take an alias from a customer (a handle now someone else's), audited with the reason;"
                    + " 404 alias_not_held when the customer does not hold it")
    @PostMapping(path = "/{id}/aliases/release", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> releaseAlias(@PathVariable UUID id, @RequestBody ReleaseBody body, Principal caller) {
        if (body.reason() == null || body.reason().isBlank() || body.reason().length() > REASON_LENGTH_MAX) {
            throw new BadRequest("reason is required (1.." + REASON_LENGTH_MAX + " characters): the audit keeps it");
        }
        Alias alias = AliasesController.parse(
                body.type() == null ? "" : body.type(), body.value(), body.network(), body.region());
        DirectoryResult result = directory.releaseAlias(
                new CustomerId(id), alias, actor(caller), body.reason().strip());
        return result instanceof DirectoryResult.Done done
                ? ResponseEntity.ok(CustomerJson.of(done.customer()))
                : respond(result);
    }

    /** The caller as the alias audit keeps it: the token's fingerprint and the client's name. */
    private static DirectoryActor actor(Principal caller) {
        if (caller == null) {
            return new DirectoryActor("anonymous", null); // the bearer filter lets none in; said, not assumed
        }
        String name = caller instanceof org.springframework.security.core.Authentication a
                        && a.getDetails() instanceof String client
                ? client
                : null;
        return new DirectoryActor(caller.getName(), name);
    }

    @Operation(summary = "Record that a customer holds a ledger account, optionally as primary in its currency")
    @PostMapping(path = "/{id}/accounts", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> holdAccount(@PathVariable UUID id, @RequestBody AccountBody body) {
        if (body.accountId() == null) {
            throw new BadRequest("accountId is required");
        }
        return respond(directory.holdAccount(
                new CustomerId(id), new AccountId(body.accountId()), Boolean.TRUE.equals(body.primary())));
    }

    private static ResponseEntity<?> respond(DirectoryResult result) {
        if (result instanceof DirectoryResult.Done done) {
            return Created.unlessReplayed(done.replayed(), CustomerJson.of(done.customer()));
        }
        DirectoryResult.Code code = ((DirectoryResult.Refused) result).code();
        HttpStatus status = switch (code) {
            case CUSTOMER_NOT_FOUND -> HttpStatus.NOT_FOUND;
            case ACCOUNT_NOT_FOUND -> HttpStatus.UNPROCESSABLE_CONTENT;
            case ALIAS_NOT_HELD -> HttpStatus.NOT_FOUND;
            default -> HttpStatus.CONFLICT;
        };
        return Problems.response(Problems.of(status, code.code(), detail(code)));
    }

    private static String detail(DirectoryResult.Code code) {
        return switch (code) {
            case ID_EXISTS_WITH_DIFFERENT_FIELDS -> "This id was already used for a different customer.";
            case USERNAME_TAKEN -> "This username is taken.";
            case ALIAS_TAKEN -> "This alias belongs to another customer.";
            case CUSTOMER_NOT_FOUND -> "There is no such customer.";
            case ACCOUNT_NOT_FOUND -> "There is no such ledger account.";
            case ACCOUNT_HELD_BY_ANOTHER -> "This account is held by another customer.";
            case ALIAS_NOT_HELD -> "This customer does not hold this alias.";
        };
    }
}
