package org.socialbank.ledger;

import org.socialbank.support.TestStores;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class PostgresLedgerStatementsIntegrationTests extends LedgerStatements {

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        TestStores.postgres(registry);
    }

    @Override
    int statementsMax() {
        return 3; // lock, insert, update
    }
}
