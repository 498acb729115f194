package org.socialbank.console.audit;

import org.socialbank.support.TestStores;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class H2AuditLogIntegrationTests extends AuditLogContract {

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        TestStores.h2(registry);
    }

    @Override
    void behindTheBanksBack(String sql, Object... params) {
        jdbc.sql(sql).params(params).update(); // H2: append-only by code only; the chain shows it
    }

    @Override
    boolean storeRefusesChanges() {
        return false;
    }
}
