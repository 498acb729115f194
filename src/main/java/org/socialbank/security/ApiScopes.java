package org.socialbank.security;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.web.util.UriUtils;

/**
 * Which scope a request to the API needs, from its method and path alone (a pure rule table, so
 * the README's table and the tests read the same thing). A read is {@code GET} or {@code HEAD};
 * everything else writes. A path no row names needs {@link ApiScope#ADMIN}, so a new endpoint is
 * closed until it is given a scope here.
 */
final class ApiScopes {

    /** A family of paths and the scopes that read and write it. */
    record Rule(String prefix, ApiScope read, ApiScope write) {}

    static final List<Rule> RULES = List.of(
            new Rule("/api/v1/accounts", ApiScope.LEDGER_READ, ApiScope.LEDGER_WRITE),
            new Rule("/api/v1/transfers", ApiScope.LEDGER_READ, ApiScope.LEDGER_WRITE),
            new Rule("/api/v1/customers", ApiScope.DIRECTORY_READ, ApiScope.DIRECTORY_WRITE),
            new Rule("/api/v1/aliases", ApiScope.DIRECTORY_READ, ApiScope.DIRECTORY_WRITE),
            new Rule("/api/v1/demo", ApiScope.DIRECTORY_READ, ApiScope.ADMIN),
            new Rule("/api/v1/payments", ApiScope.PAYMENTS_READ, ApiScope.PAYMENTS_WRITE),
            new Rule("/api/v1/claims", ApiScope.PAYMENTS_READ, ApiScope.PAYMENTS_WRITE),
            new Rule("/api/v1/requests", ApiScope.PAYMENTS_READ, ApiScope.PAYMENTS_WRITE),
            new Rule("/api/v1/splits", ApiScope.PAYMENTS_READ, ApiScope.PAYMENTS_WRITE),
            // operations' view of the payouts in doubt (review 2026-12-07 payout follow-up); nothing writes there
            new Rule("/api/v1/payouts", ApiScope.PAYMENTS_OPERATIONS, ApiScope.ADMIN),
            new Rule("/api/v1/nlu", ApiScope.NLU, ApiScope.NLU),
            new Rule("/api/v1/bills", ApiScope.BILLING_READ, ApiScope.BILLING_WRITE),
            new Rule("/api/v1/topups", ApiScope.BILLING_READ, ApiScope.BILLING_WRITE),
            new Rule("/api/v1/card-transfers", ApiScope.BILLING_READ, ApiScope.BILLING_WRITE),
            new Rule("/api/v1/billing", ApiScope.BILLING_READ, ApiScope.BILLING_WRITE),
            new Rule("/api/v1/consents", ApiScope.CONSENTS_READ, ApiScope.CONSENTS_WRITE),
            new Rule("/api/v1/alert-settings", ApiScope.CONSENTS_READ, ApiScope.CONSENTS_WRITE),
            new Rule("/api/v1/alerts", ApiScope.ALERTS_OPERATIONS, ApiScope.ADMIN),
            // staff's report of the votes; a vote stays the app's (review 2026-12-07 assistant follow-up)
            new Rule("/api/v1/assistant/feedback", ApiScope.ASSISTANT_REPORTS, ApiScope.ASSISTANT),
            new Rule("/api/v1/assistant", ApiScope.ASSISTANT, ApiScope.ASSISTANT),
            new Rule("/api/v1/mentions", ApiScope.LISTENING_READ, ApiScope.LISTENING_WRITE),
            new Rule("/api/v1/listening", ApiScope.LISTENING_READ, ApiScope.LISTENING_WRITE),
            new Rule("/api/v1/cards", ApiScope.CARDS_READ, ApiScope.CARDS_WRITE),
            new Rule("/api/v1/branches", ApiScope.SERVICES_READ, ApiScope.SERVICES_WRITE),
            new Rule("/api/v1/appointments", ApiScope.SERVICES_READ, ApiScope.SERVICES_WRITE),
            new Rule("/api/v1/applications", ApiScope.APPLICATIONS_READ, ApiScope.APPLICATIONS_WRITE),
            new Rule("/api/v1/campaigns", ApiScope.CAMPAIGNS_READ, ApiScope.CAMPAIGNS_WRITE),
            new Rule("/actuator", ApiScope.ADMIN, ApiScope.ADMIN));

    /**
     * Operations-only paths inside a family, checked before the families: a customer-facing app's
     * {@code payments:write} must not move the bank's held money (review 2026-12-07 money
     * follow-up). Matched on the decoded path, as the dispatcher routes it, so a percent-encoded
     * letter cannot slip past into the family's rule.
     */
    record Carved(Pattern path, ApiScope scope) {}

    static final List<Carved> CARVED = List.of(
            new Carved(
                    Pattern.compile("/api/v1/payments/(?:[^/]+/)?return-held(?:/.*)?"), ApiScope.PAYMENTS_OPERATIONS),
            // the list too: it names customers and the bank's unsettled money, staff settle from it
            new Carved(Pattern.compile("/api/v1/billing/in-doubt(?:/.*)?"), ApiScope.BILLING_OPERATIONS));

    private ApiScopes() {}

    /** The scope {@code method path} needs; {@code path} is without the context path. */
    static ApiScope required(String method, String path) {
        String decoded;
        try {
            decoded = UriUtils.decode(path, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return ApiScope.ADMIN;
        }
        for (Carved carved : CARVED) {
            if (carved.path().matcher(decoded).matches()) {
                return carved.scope();
            }
        }
        boolean read = "GET".equalsIgnoreCase(method) || "HEAD".equalsIgnoreCase(method);
        for (Rule rule : RULES) {
            String prefix = rule.prefix();
            if (path.startsWith(prefix) && (path.length() == prefix.length() || path.charAt(prefix.length()) == '/')) {
                return read ? rule.read() : rule.write();
            }
        }
        return ApiScope.ADMIN;
    }
}
