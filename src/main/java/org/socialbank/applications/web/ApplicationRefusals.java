package org.socialbank.applications.web;

import java.util.Map;
import org.socialbank.applications.ApplicationRefusal;
import org.socialbank.shared.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The one place that turns the applications module's refusals into HTTP problems with their {@code code}. */
final class ApplicationRefusals {

    private static final Map<ApplicationRefusal, String> DETAILS = Map.ofEntries(
            Map.entry(ApplicationRefusal.APPLICATION_NOT_FOUND, "There is no such application."),
            Map.entry(ApplicationRefusal.CUSTOMER_NOT_FOUND, "There is no such customer."),
            Map.entry(ApplicationRefusal.NO_ACCOUNT, "The customer has no account."),
            Map.entry(
                    ApplicationRefusal.STATUS_NOT_VALID,
                    "The decision is one of in_review, more_info, approved, declined."),
            Map.entry(
                    ApplicationRefusal.TRANSITION_NOT_ALLOWED,
                    "Only a submitted application is reviewed or decided; this one waits for its form."),
            Map.entry(
                    ApplicationRefusal.ALREADY_DECIDED,
                    "The application was decided otherwise already; nothing was changed."),
            Map.entry(
                    ApplicationRefusal.REASON_TOO_LONG,
                    "The reason is at most 500 characters, without control characters."),
            Map.entry(
                    ApplicationRefusal.REASON_REQUIRED,
                    "Asking for more information needs the question as the reason."),
            Map.entry(
                    ApplicationRefusal.NOT_ASSESSED,
                    "The form is not submitted yet, so the application was not assessed."),
            Map.entry(ApplicationRefusal.LOAN_NOT_FOUND, "No loan was paid out on this application."),
            Map.entry(ApplicationRefusal.NOT_APPROVED, "Only an approved application is paid out or issued."),
            Map.entry(ApplicationRefusal.INSTALMENT_NOT_FOUND, "The loan has no instalment of that number."),
            Map.entry(
                    ApplicationRefusal.INSTALMENT_NOT_HELD,
                    "Only an instalment on hold is retried by staff; the job collects the others."),
            Map.entry(
                    ApplicationRefusal.BANK_ACCOUNT_CLOSED,
                    "One of the bank's accounts this instalment moves to (the loan's or the income account) is"
                            + " closed, and a closed account never reopens: a retry cannot collect it, so nothing"
                            + " was tried. The loan must be settled outside the API; its later instalments wait."));

    private ApplicationRefusals() {}

    static <T> ResponseEntity<T> response(ApplicationRefusal refusal) {
        HttpStatus status = switch (refusal) {
            case APPLICATION_NOT_FOUND, CUSTOMER_NOT_FOUND, NOT_ASSESSED, LOAN_NOT_FOUND, INSTALMENT_NOT_FOUND ->
                HttpStatus.NOT_FOUND;
            case TRANSITION_NOT_ALLOWED, ALREADY_DECIDED, NOT_APPROVED, INSTALMENT_NOT_HELD, BANK_ACCOUNT_CLOSED ->
                HttpStatus.CONFLICT;
            default -> HttpStatus.UNPROCESSABLE_CONTENT;
        };
        return Problems.response(Problems.of(status, refusal.code(), DETAILS.getOrDefault(refusal, refusal.code())));
    }
}
