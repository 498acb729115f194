package org.socialbank.applications;

import java.util.Locale;

/** Why an application's change was refused: a stable code, documented in docs/applications.md. */
public enum ApplicationRefusal {
    APPLICATION_NOT_FOUND,
    CUSTOMER_NOT_FOUND,
    /** The customer has no account to name the currency of the product. */
    NO_ACCOUNT,
    STATUS_NOT_VALID,
    /** Staff can only decide a submitted application (or move it to review). */
    TRANSITION_NOT_ALLOWED,
    ALREADY_DECIDED,
    REASON_TOO_LONG,
    /** Asking for more information needs the question, as the reason. */
    REASON_REQUIRED,
    /** The form is not submitted yet, so the underwriting has not assessed it. */
    NOT_ASSESSED,
    /** No loan was paid out on this application (not a loan, not approved, or the payout was refused). */
    LOAN_NOT_FOUND,
    /** Only an approved application is paid out or issued (staff's retry, review 2026-12-07). */
    NOT_APPROVED,
    /** The loan has no instalment of that number. */
    INSTALMENT_NOT_FOUND,
    /** Staff retry only an instalment the job stopped collecting ({@code held}); the job tries the others. */
    INSTALMENT_NOT_HELD,
    /**
     * One of the bank's accounts the instalment moves to (the loan's or the income account) is
     * closed, which is final in the ledger: staff's retry cannot collect it, so it tries nothing
     * (review 2026-12-07 applications follow-up).
     */
    BANK_ACCOUNT_CLOSED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
