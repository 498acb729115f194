package org.socialbank.ledger;

import org.socialbank.support.TestStores;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class H2LedgerInvariantIntegrationTests extends LedgerInvariants {

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        TestStores.h2(registry);
        registry.add("socialbank.ledger.expiry-interval", () -> "1h"); // the test expires by hand
    }
}
