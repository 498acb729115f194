package org.socialbank.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The rule table of API scopes and the validation of configured clients (issue 12). */
class ApiScopesUnitTests {

    @Test
    @org.junit.jupiter.api.DisplayName(
            "the assistant's report of votes is staff's, a vote the app's (review 2026-12-07 assistant follow-up)")
    void theAssistantsReportNeedsTheReportsScope() {
        assertThat(ApiScopes.required("GET", "/api/v1/assistant/feedback")).isEqualTo(ApiScope.ASSISTANT_REPORTS);
        assertThat(ApiScopes.required("POST", "/api/v1/assistant/feedback")).isEqualTo(ApiScope.ASSISTANT);
        assertThat(ApiScopes.required("POST", "/api/v1/assistant/classify")).isEqualTo(ApiScope.ASSISTANT);
        assertThat(ApiScope.ASSISTANT_REPORTS.wireName()).isEqualTo("assistant:reports");
    }

    @Test
    void readsAndWritesOfEachFamilyNeedTheirScope() {
        assertThat(ApiScopes.required("GET", "/api/v1/transfers/x")).isEqualTo(ApiScope.LEDGER_READ);
        assertThat(ApiScopes.required("POST", "/api/v1/transfers/batch")).isEqualTo(ApiScope.LEDGER_WRITE);
        assertThat(ApiScopes.required("HEAD", "/api/v1/accounts")).isEqualTo(ApiScope.LEDGER_READ);
        assertThat(ApiScopes.required("GET", "/api/v1/aliases/phone/+33")).isEqualTo(ApiScope.DIRECTORY_READ);
        assertThat(ApiScopes.required("POST", "/api/v1/customers/x/aliases")).isEqualTo(ApiScope.DIRECTORY_WRITE);
        assertThat(ApiScopes.required("POST", "/api/v1/requests/x/pay")).isEqualTo(ApiScope.PAYMENTS_WRITE);
        assertThat(ApiScopes.required("GET", "/api/v1/claims/x")).isEqualTo(ApiScope.PAYMENTS_READ);
        assertThat(ApiScopes.required("POST", "/api/v1/nlu/parse")).isEqualTo(ApiScope.NLU);
        assertThat(ApiScopes.required("GET", "/api/v1/billing/in-doubt"))
                .as("operations' list of billing payments in doubt")
                .isEqualTo(ApiScope.BILLING_OPERATIONS);
        assertThat(ApiScopes.required("GET", "/api/v1/billing/in-doubt/")).isEqualTo(ApiScope.BILLING_OPERATIONS);
        assertThat(ApiScopes.required("GET", "/api/v1/billing/in-doubtx")).isEqualTo(ApiScope.BILLING_READ);
        assertThat(ApiScopes.required("GET", "/actuator/prometheus")).isEqualTo(ApiScope.ADMIN);
        assertThat(ApiScopes.required("GET", "/api/v1/accountsx"))
                .as("a prefix is a whole segment")
                .isEqualTo(ApiScope.ADMIN);
        assertThat(ApiScopes.required("DELETE", "/api/v2/anything")).isEqualTo(ApiScope.ADMIN);
        assertThat(ApiScopes.required("POST", "/api/v1/applications/x/decision"))
                .isEqualTo(ApiScope.APPLICATIONS_WRITE); // issue 16 s4: staff's decisions
        assertThat(ApiScopes.required("GET", "/api/v1/applications")).isEqualTo(ApiScope.APPLICATIONS_READ);
        assertThat(ApiScopes.required("POST", "/api/v1/customers/x/points/redemptions"))
                .isEqualTo(ApiScope.DIRECTORY_WRITE);
    }

    @Test
    @DisplayName("review 2026-12-07 alerts follow-up: the failed alert SMS need alerts:operations, not the alert"
            + " settings' consents:read")
    void failedAlertSmsNeedTheOperationsScope() {
        assertThat(ApiScopes.required("GET", "/api/v1/alerts/sms-failures")).isEqualTo(ApiScope.ALERTS_OPERATIONS);
        assertThat(ApiScopes.required("POST", "/api/v1/alerts/sms-failures")).isEqualTo(ApiScope.ADMIN);
        assertThat(ApiScopes.required("GET", "/api/v1/alert-settings/x")).isEqualTo(ApiScope.CONSENTS_READ);
    }

    @Test
    @DisplayName("review 2026-12-07 payout follow-up: the payouts listed for operations need payments:operations; "
            + "nothing writes there")
    void payoutsNeedTheOperationsScope() {
        assertThat(ApiScopes.required("GET", "/api/v1/payouts")).isEqualTo(ApiScope.PAYMENTS_OPERATIONS);
        assertThat(ApiScopes.required("HEAD", "/api/v1/payouts")).isEqualTo(ApiScope.PAYMENTS_OPERATIONS);
        assertThat(ApiScopes.required("POST", "/api/v1/payouts")).isEqualTo(ApiScope.ADMIN);
        assertThat(ApiScopes.required("GET", "/api/v1/payoutsx")).isEqualTo(ApiScope.ADMIN);
    }

    @Test
    @DisplayName("review 2026-12-07 money follow-up: the held returns need payments:operations, not payments:write")
    void heldReturnsNeedTheOperationsScope() {
        assertThat(ApiScopes.required("POST", "/api/v1/payments/" + UUID.randomUUID() + "/return-held/settle"))
                .isEqualTo(ApiScope.PAYMENTS_OPERATIONS);
        assertThat(ApiScopes.required("GET", "/api/v1/payments/return-held")).isEqualTo(ApiScope.PAYMENTS_OPERATIONS);
        assertThat(ApiScopes.required("GET", "/api/v1/payments/return-held/")).isEqualTo(ApiScope.PAYMENTS_OPERATIONS);
        assertThat(ApiScopes.required("POST", "/api/v1/payments/x/%72eturn-held/settle"))
                .as("matched as the dispatcher decodes it")
                .isEqualTo(ApiScope.PAYMENTS_OPERATIONS);
        assertThat(ApiScopes.required("POST", "/api/v1/payments/x/%zz")).isEqualTo(ApiScope.ADMIN);
        assertThat(ApiScopes.required("POST", "/api/v1/payments/x/cancel")).isEqualTo(ApiScope.PAYMENTS_WRITE);
        assertThat(ApiScopes.required("GET", "/api/v1/payments/x")).isEqualTo(ApiScope.PAYMENTS_READ);
    }

    @Test
    void aClientNamesKnownScopesAndItsOwnToken() {
        ApiProperties ok = new ApiProperties(
                List.of(),
                null,
                Map.of("app", new ApiProperties.Client("app-token-0123456789", List.of("directory:read", " nlu"))));
        assertThat(ok.grants())
                .singleElement()
                .satisfies(
                        g -> assertThat(g.scopes()).containsExactlyInAnyOrder(ApiScope.DIRECTORY_READ, ApiScope.NLU));
        assertThatThrownBy(() -> new ApiProperties(
                        List.of(),
                        null,
                        Map.of("app", new ApiProperties.Client("app-token-0123456789", List.of("ledger:everything")))))
                .hasMessageContaining("socialbank.api.clients.app.scopes")
                .hasMessageContaining("ledger:write");
        assertThatThrownBy(() -> new ApiProperties(
                        List.of(), null, Map.of("app", new ApiProperties.Client("app-token-0123456789", List.of()))))
                .hasMessageContaining("at least one scope");
        assertThatThrownBy(() -> new ApiProperties(
                        List.of(), null, Map.of("app", new ApiProperties.Client("short", List.of("nlu")))))
                .hasMessageContaining("socialbank.api.clients.app.token");
        assertThatThrownBy(() -> new ApiProperties(
                        List.of("app-token-0123456789"),
                        null,
                        Map.of("app", new ApiProperties.Client("app-token-0123456789", List.of("nlu")))))
                .hasMessageContaining("twice");
    }

    @Test
    void legacyTokensHaveEveryScope() {
        ApiProperties legacy = new ApiProperties(List.of("legacy-token-0123456789"), "env-token-0123456789", null);
        assertThat(legacy.grants())
                .hasSize(2)
                .allSatisfy(g -> assertThat(g.scopes()).containsExactlyInAnyOrder(ApiScope.values()));
    }
}
