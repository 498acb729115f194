package org.socialbank.security;

import java.util.Arrays;
import java.util.Optional;

/**
 * What an API token may do (security review #20, issue 12). Each configured client names its
 * scopes; {@link ApiScopes} says which scope each endpoint needs. A scope's name is what the
 * configuration and the 403 answer use.
 */
public enum ApiScope {
    /** {@code GET} accounts, statements and transfers. */
    LEDGER_READ("ledger:read"),
    /** Opening accounts, changing their status, booking, posting and voiding transfers. */
    LEDGER_WRITE("ledger:write"),
    /** {@code GET} customers and alias lookups (which spend the per-caller lookup budget). */
    DIRECTORY_READ("directory:read"),
    /** Registering customers, adding aliases and accounts to them. */
    DIRECTORY_WRITE("directory:write"),
    /** {@code GET} payments, claims, requests and splits. */
    PAYMENTS_READ("payments:read"),
    /** Paying, cancelling, requesting, splitting, reminding, paying and declining requests. */
    PAYMENTS_WRITE("payments:write"),
    /**
     * Operations' money movements and lists inside the payments family: the held returns (their
     * list and settling one by hand). Not implied by {@link #PAYMENTS_WRITE}, which customer-facing
     * apps hold to pay (review 2026-12-07 money follow-up).
     */
    PAYMENTS_OPERATIONS("payments:operations"),
    /**
     * Operations' lists of the alerts' family: the alert SMS that failed (they name customers and
     * their masked phones). Not implied by {@link #CONSENTS_READ}, which customer-facing apps hold
     * to read alert settings (review 2026-12-07 alerts follow-up).
     */
    ALERTS_OPERATIONS("alerts:operations"),
    /** {@code POST /api/v1/nlu/parse}. */
    NLU("nlu"),
    /** {@code GET} bill inquiries' and bill payments', top-ups' and card transfers' states (issue 15). */
    BILLING_READ("billing:read"),
    /** Inquiring and paying bills, topping up phones, card-to-card transfers (issue 15). */
    BILLING_WRITE("billing:write"),
    /**
     * Operations' list of billing payments in doubt and their marking as settled by hand. Not
     * implied by {@link #BILLING_READ} or {@link #BILLING_WRITE}, which customer-facing apps hold to
     * read states and pay (review 2026-12-07 billing follow-up; the list since the sec follow-up).
     */
    BILLING_OPERATIONS("billing:operations"),
    /** {@code GET} consents and alert settings (issue 17). */
    CONSENTS_READ("consents:read"),
    /** Recording consents given elsewhere, changing alert settings (issue 17). */
    CONSENTS_WRITE("consents:write"),
    /** {@code POST /api/v1/assistant/classify} and a vote on an answer (issue 18). */
    ASSISTANT("assistant"),
    /**
     * {@code GET /api/v1/assistant/feedback}, the votes per intent: staff's report, not for the
     * app that classifies and votes (review 2026-12-07 assistant follow-up).
     */
    ASSISTANT_REPORTS("assistant:reports"),
    /** {@code GET} mentions, topics, spikes and the reputation dashboard's data (issue 20). */
    LISTENING_READ("listening:read"),
    /** Importing mentions, correcting their sentiment or topic (issue 20). */
    LISTENING_WRITE("listening:write"),
    /** {@code GET} cards and credit-card statements (issue 16; points are under the directory scopes). */
    CARDS_READ("cards:read"),
    /** Locking cards and repaying credit cards (issue 16; redeeming points is under directory:write). */
    CARDS_WRITE("cards:write"),
    /** {@code GET} branches, their free slots and appointments (issue 16). */
    SERVICES_READ("services:read"),
    /** Booking, cancelling and moving appointments (issue 16). */
    SERVICES_WRITE("services:write"),
    /** {@code GET} loan and card applications, staff's queue (issue 16 s4). */
    APPLICATIONS_READ("applications:read"),
    /** Staff's decisions on applications (issue 16 s4). */
    APPLICATIONS_WRITE("applications:write"),
    /** {@code GET} campaigns and their statistics (issue 17). */
    CAMPAIGNS_READ("campaigns:read"),
    /** Defining, approving, pausing and resuming campaigns (issue 17; the approver is another token). */
    CAMPAIGNS_WRITE("campaigns:write"),
    /** Metrics and every {@code /api/**} endpoint no other scope names (deny by default). */
    ADMIN("admin");

    private final String wireName;
    private final String authority;

    ApiScope(String wireName) {
        this.wireName = wireName;
        this.authority = "SCOPE_" + wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** The authority a token with this scope carries. */
    String authority() {
        return authority;
    }

    public static Optional<ApiScope> fromWireName(String name) {
        return Arrays.stream(values()).filter(s -> s.wireName.equals(name)).findFirst();
    }
}
