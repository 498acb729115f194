package org.socialbank.ledger;

import org.socialbank.support.TestStores;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class H2LedgerStatementsIntegrationTests extends LedgerStatements {

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        TestStores.h2(registry);
    }

    @Override
    int statementsMax() {
        return 4; // lock, look-up, insert, update
    }
}
