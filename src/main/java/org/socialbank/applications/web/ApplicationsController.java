package org.socialbank.applications.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.socialbank.applications.Application;
import org.socialbank.applications.ApplicationId;
import org.socialbank.applications.ApplicationRefusal;
import org.socialbank.applications.ApplicationResult;
import org.socialbank.applications.ApplicationStatus;
import org.socialbank.applications.Applications;
import org.socialbank.applications.Decisions;
import org.socialbank.applications.Fulfilments;
import org.socialbank.applications.Instalments;
import org.socialbank.applications.Loan;
import org.socialbank.applications.Loans;
import org.socialbank.applications.StaffAction;
import org.socialbank.shared.web.BadRequest;
import org.socialbank.shared.web.RequiredFields;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Staff's side of applications (scopes {@code applications:read} / {@code applications:write}):
 * the queue by status, one application, and the decision; what was not paid out, issued or
 * collected, and staff's retries of it. Refusals are problem+json with a code.
 */
@RestController
@Tag(name = "Applications")
@RequestMapping(path = "/api/v1/applications", produces = MediaType.APPLICATION_JSON_VALUE)
class ApplicationsController {

    private final Applications applications;
    private final Decisions decisions;
    private final Fulfilments fulfilments;
    private final Loans loans;
    private final Instalments instalments;

    ApplicationsController(
            Applications applications,
            Decisions decisions,
            Fulfilments fulfilments,
            Loans loans,
            Instalments instalments) {
        this.applications = applications;
        this.decisions = decisions;
        this.fulfilments = fulfilments;
        this.loans = loans;
        this.instalments = instalments;
    }

    record AssessmentJson(String decision, List<String> reasons) {}

    record InstalmentJson(
            int number, LocalDate dueOn, long principalMinor, long interestMinor, long totalMinor, String status) {}

    record LoanJson(
            UUID id,
            UUID applicationId,
            UUID customerId,
            UUID accountId,
            UUID payoutAccountId,
            String currency,
            long principalMinor,
            long owedMinor,
            int annualRateBasisPoints,
            int termMonths,
            long instalmentMinor,
            LocalDate disbursedOn,
            List<InstalmentJson> schedule) {}

    record DecisionBody(String status, String reason) {}

    record ApplicationJson(
            UUID id,
            UUID customerId,
            String product,
            String status,
            String currency,
            Long amountMinor,
            Integer termMonths,
            Long incomeMinor,
            String purpose,
            String reason,
            String channel,
            Instant createdAt,
            Instant updatedAt) {

        static ApplicationJson of(Application a) {
            return new ApplicationJson(
                    a.id().value(),
                    a.customerId().value(),
                    a.product().wireName(),
                    a.status().wireName(),
                    a.currency().code(),
                    a.amountMinor(),
                    a.termMonths(),
                    a.incomeMinor(),
                    a.purpose(),
                    a.reason(),
                    a.channel(),
                    a.createdAt(),
                    a.updatedAt());
        }
    }

    @Operation(summary = "Applications in a status (default submitted), oldest change first, at most 100")
    @ApiResponse(
            responseCode = "422",
            description = "status_not_valid",
            content = @Content(mediaType = "application/problem+json"))
    @GetMapping
    ResponseEntity<?> queue(
            @RequestParam(defaultValue = "submitted") String status, @RequestParam(defaultValue = "50") int limit) {
        Optional<ApplicationStatus> wanted = ApplicationStatus.fromWireName(status);
        if (wanted.isEmpty()) {
            return ApplicationRefusals.response(ApplicationRefusal.STATUS_NOT_VALID);
        }
        return ResponseEntity.ok(Map.of(
                "applications",
                applications.withStatus(wanted.get(), limit).stream()
                        .map(ApplicationJson::of)
                        .toList()));
    }

    record UnfulfilledJson(ApplicationJson application, String state, String reason, Instant retryAt) {

        static UnfulfilledJson of(Fulfilments.Unfulfilled u) {
            return new UnfulfilledJson(ApplicationJson.of(u.application()), u.state(), u.reason(), u.retryAt());
        }
    }

    record HeldJson(
            UUID loanId,
            UUID applicationId,
            UUID customerId,
            int number,
            LocalDate dueOn,
            long totalMinor,
            String currency,
            String status,
            String reason) {}

    record InstalmentRetryJson(UUID applicationId, int number, String status, String reason) {}

    @Operation(
            summary = "What staff take up: approvals not paid out or not issued, and instalments held",
            description = "{\"applications\": [{\"application\", \"state\": \"not_paid_out\"|\"not_issued\", "
                    + "\"reason\", \"retryAt\" (null: not tried again)}], \"instalments\": [{\"loanId\", "
                    + "\"applicationId\", \"customerId\", \"number\", \"dueOn\", \"totalMinor\", \"currency\", "
                    + "\"status\": \"held\"|\"late\", \"reason\"}], \"nextCursor\"}, oldest first, at most limit "
                    + "(1..100) of each; follow nextCursor (absent on the last page) for the next ones")
    @ApiResponse(
            responseCode = "400",
            description = "the cursor is not one this server issued",
            content = @Content(mediaType = "application/problem+json"))
    @GetMapping("/unfulfilled")
    ResponseEntity<?> unfulfilled(
            @RequestParam(defaultValue = "50") int limit, @RequestParam(required = false) String cursor) {
        UnfulfilledCursor at = cursor == null
                ? UnfulfilledCursor.FIRST
                : UnfulfilledCursor.read(cursor)
                        .orElseThrow(() -> new BadRequest("cursor is not one this server issued"));
        int size = Math.max(1, Math.min(limit, 100));
        List<Fulfilments.Unfulfilled> approvals =
                at.approvalsDone() ? List.of() : fulfilments.unfulfilled(size, at.approvals());
        List<Loans.HeldInstalment> held = at.heldDone() ? List.of() : loans.held(size, at.held());
        Map<String, Object> page = new java.util.LinkedHashMap<>();
        page.put("applications", approvals.stream().map(UnfulfilledJson::of).toList());
        page.put(
                "instalments",
                held.stream().map(ApplicationsController::heldJson).toList());
        UnfulfilledCursor.next(approvals, held, size).ifPresent(next -> page.put("nextCursor", next.write()));
        return ResponseEntity.ok(page);
    }

    private static HeldJson heldJson(Loans.HeldInstalment h) {
        return new HeldJson(
                h.loan().id().value(),
                h.loan().applicationId().value(),
                h.loan().customerId().value(),
                h.instalment().number(),
                h.instalment().dueOn(),
                h.instalment().totalMinor(),
                h.loan().currency().code(),
                h.status(),
                h.reason());
    }

    @Operation(
            summary = "Staff retry an approval not paid out or not issued, now",
            description =
                    "Whatever its cause (her account unfrozen, a primary account in the loan's currency opened): "
                            + "the janitor's path, paying once however often it is tried. 200 {\"application\", \"state\": "
                            + "\"fulfilled\"|\"not_paid_out\"|\"not_issued\", \"reason\", \"retryAt\"}; already "
                            + "fulfilled: nothing is done and the state is fulfilled. Refused again: her chat hears a new reason.")
    @ApiResponse(
            responseCode = "404",
            description = "application_not_found",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(
            responseCode = "409",
            description = "not_approved",
            content = @Content(mediaType = "application/problem+json"))
    @PostMapping("/{id}/fulfilment")
    ResponseEntity<?> retryFulfilment(@PathVariable UUID id, Principal caller) {
        Fulfilments.Retry result = fulfilments.retry(new ApplicationId(id), caller.getName());
        if (result instanceof Fulfilments.NotRetried not) {
            return ApplicationRefusals.response(not.code());
        }
        Fulfilments.Retried retried = (Fulfilments.Retried) result;
        return ResponseEntity.ok(retried.outstanding()
                .map(UnfulfilledJson::of)
                .orElseGet(
                        () -> new UnfulfilledJson(ApplicationJson.of(retried.application()), "fulfilled", null, null)));
    }

    @Operation(
            summary = "Staff retry an instalment held, now",
            description = "When her account it was collected from is closed and she has another primary account in the "
                    + "loan's currency, the loan is collected from that one from now on. 200 {\"applicationId\", "
                    + "\"number\", \"status\": \"paid\"|\"late\"|\"held\", \"reason\"}; already paid: "
                    + "nothing is done. Collected once however often it is tried.")
    @ApiResponse(
            responseCode = "404",
            description = "application_not_found, loan_not_found, instalment_not_found",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(
            responseCode = "409",
            description = "instalment_not_held (the job collects it)",
            content = @Content(mediaType = "application/problem+json"))
    @PostMapping("/{id}/loan/instalments/{number}/retry")
    ResponseEntity<?> retryInstalment(@PathVariable UUID id, @PathVariable int number, Principal caller) {
        ApplicationId application = new ApplicationId(id);
        if (applications.application(application).isEmpty()) {
            return ApplicationRefusals.response(ApplicationRefusal.APPLICATION_NOT_FOUND);
        }
        Instalments.Retry result = instalments.retryHeld(application, number, caller.getName());
        if (result instanceof Instalments.NotRetried not) {
            return ApplicationRefusals.response(not.code());
        }
        Instalments.Retried retried = (Instalments.Retried) result;
        return ResponseEntity.ok(new InstalmentRetryJson(id, number, retried.status(), retried.reason()));
    }

    record StaffActionJson(
            Instant at,
            String actor,
            String actorKind,
            String action,
            Integer instalment,
            String outcome,
            String reason) {

        static StaffActionJson of(StaffAction a) {
            return new StaffActionJson(
                    a.at(), a.actor(), a.actorKind().wireName(), a.action(), a.instalment(), a.outcome(), a.reason());
        }
    }

    @Operation(
            summary = "Every change of an application's status and staff's retries, newest first (the audit)",
            description =
                    "{\"actions\": [{\"at\", \"actorKind\": \"staff\"|\"system\"|\"customer\", \"actor\" "
                            + "(staff: the API client; system: the rule and its verdict, underwriting:approve, fulfilment, "
                            + "fulfilment.janitor, instalments, expiry.janitor; customer: customer:<id>), \"action\": \"decision\"|\"submission\"|"
                            + "\"fulfilment\"|\"fulfilment.retry\"|\"instalment.retry\"|\"instalment\"|\"expiry\", \"instalment\", "
                            + "\"outcome\" (a decision or submission: the status it reached; a fulfilment: fulfilled, "
                            + "not_paid_out, not_issued; an instalment: paid, late, held; an expiry: expired), "
                            + "\"reason\" (staff's reason, the underwriting's codes, or why not fulfilled)}]}, at most limit (1..100)")
    @ApiResponse(
            responseCode = "404",
            description = "application_not_found",
            content = @Content(mediaType = "application/problem+json"))
    @GetMapping("/{id}/actions")
    ResponseEntity<?> actions(@PathVariable UUID id, @RequestParam(defaultValue = "50") int limit) {
        ApplicationId application = new ApplicationId(id);
        if (applications.application(application).isEmpty()) {
            return ApplicationRefusals.response(ApplicationRefusal.APPLICATION_NOT_FOUND);
        }
        return ResponseEntity.ok(Map.of(
                "actions",
                applications.staffActions(application, limit).stream()
                        .map(StaffActionJson::of)
                        .toList()));
    }

    @Operation(summary = "One application")
    @ApiResponse(
            responseCode = "404",
            description = "application_not_found",
            content = @Content(mediaType = "application/problem+json"))
    @GetMapping("/{id}")
    ResponseEntity<?> application(@PathVariable UUID id) {
        return applications
                .application(new ApplicationId(id))
                .<ResponseEntity<?>>map(a -> ResponseEntity.ok(ApplicationJson.of(a)))
                .orElseGet(() -> ApplicationRefusals.response(ApplicationRefusal.APPLICATION_NOT_FOUND));
    }

    @Operation(
            summary = "The underwriting's verdict on a submitted application",
            description = "{\"decision\": \"approve\"|\"decline\"|\"refer\", \"reasons\": [codes]}")
    @ApiResponse(
            responseCode = "404",
            description = "application_not_found, not_assessed (the form is not submitted)",
            content = @Content(mediaType = "application/problem+json"))
    @GetMapping("/{id}/assessment")
    ResponseEntity<?> assessment(@PathVariable UUID id) {
        ApplicationId application = new ApplicationId(id);
        if (applications.application(application).isEmpty()) {
            return ApplicationRefusals.response(ApplicationRefusal.APPLICATION_NOT_FOUND);
        }
        return applications
                .assessment(application)
                .<ResponseEntity<?>>map(
                        v -> ResponseEntity.ok(new AssessmentJson(v.decision().wireName(), v.reasons())))
                .orElseGet(() -> ApplicationRefusals.response(ApplicationRefusal.NOT_ASSESSED));
    }

    @Operation(summary = "The loan paid out on an approved loan application, with its annuity schedule")
    @ApiResponse(
            responseCode = "404",
            description = "application_not_found, loan_not_found",
            content = @Content(mediaType = "application/problem+json"))
    @GetMapping("/{id}/loan")
    ResponseEntity<?> loan(@PathVariable UUID id) {
        ApplicationId application = new ApplicationId(id);
        if (applications.application(application).isEmpty()) {
            return ApplicationRefusals.response(ApplicationRefusal.APPLICATION_NOT_FOUND);
        }
        return loans.ofApplication(application)
                .<ResponseEntity<?>>map(l -> ResponseEntity.ok(loanJson(l)))
                .orElseGet(() -> ApplicationRefusals.response(ApplicationRefusal.LOAN_NOT_FOUND));
    }

    private LoanJson loanJson(Loan l) {
        List<InstalmentJson> schedule = loans.schedule(l.id()).stream()
                .map(s -> new InstalmentJson(
                        s.instalment().number(),
                        s.instalment().dueOn(),
                        s.instalment().principalMinor(),
                        s.instalment().interestMinor(),
                        s.instalment().totalMinor(),
                        s.status()))
                .toList();
        return new LoanJson(
                l.id().value(),
                l.applicationId().value(),
                l.customerId().value(),
                l.accountId().value(),
                l.payoutAccountId().value(),
                l.currency().code(),
                l.principalMinor(),
                loans.owedMinor(l),
                l.annualRateBasisPoints(),
                l.termMonths(),
                l.instalmentMinor(),
                l.disbursedOn(),
                schedule);
    }

    @Operation(
            summary = "Staff's decision on an application",
            description = "{\"status\": \"in_review\"|\"more_info\"|"
                    + "\"approved\"|\"declined\", \"reason\"?}: 200 with the application; the customer's chat is told the "
                    + "change once. The same decision again changes nothing; an approved credit card is issued, an approved loan "
                    + "paid out with its schedule. more_info needs the question as the reason: the chat gets a new link to the "
                    + "form, which is submitted again. A decline's reason is shown to the customer in her private chat, "
                    + "quoted as written: write it for her. Each decision that changes the status is audited "
                    + "(GET .../actions, action decision); the same decision again adds no row.")
    @ApiResponse(
            responseCode = "404",
            description = "application_not_found",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(
            responseCode = "409",
            description = "transition_not_allowed (the form is not submitted), " + "already_decided",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(
            responseCode = "422",
            description = "status_not_valid, reason_too_long, reason_required",
            content = @Content(mediaType = "application/problem+json"))
    @PostMapping(path = "/{id}/decision", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> decide(@PathVariable UUID id, @RequestBody DecisionBody body, Principal caller) {
        RequiredFields.require(body.status(), "status");
        Optional<ApplicationStatus> target = ApplicationStatus.fromWireName(body.status());
        if (target.isEmpty()) {
            return ApplicationRefusals.response(ApplicationRefusal.STATUS_NOT_VALID);
        }
        ApplicationResult result =
                decisions.decide(new ApplicationId(id), target.get(), body.reason(), caller.getName());
        if (result instanceof ApplicationResult.Refused refused) {
            return ApplicationRefusals.response(refused.code());
        }
        return ResponseEntity.ok(ApplicationJson.of(((ApplicationResult.Done) result).application()));
    }
}
