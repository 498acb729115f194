package org.socialbank.ledger;

import org.socialbank.support.TestStores;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class PostgresLedgerInvariantIntegrationTests extends LedgerInvariants {

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        TestStores.postgres(registry);
        registry.add("socialbank.ledger.expiry-interval", () -> "1h"); // the test expires by hand
    }
}
