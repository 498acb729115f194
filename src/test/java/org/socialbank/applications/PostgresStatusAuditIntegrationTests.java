package org.socialbank.applications;

import org.junit.jupiter.api.DisplayName;
import org.socialbank.support.TestStores;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@DisplayName("every change of an application's status audited, on PostgreSQL (review 2026-12-07 PostgreSQL follow-up)")
class PostgresStatusAuditIntegrationTests extends StatusAuditContract {

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        TestStores.postgres(registry);
    }
}
