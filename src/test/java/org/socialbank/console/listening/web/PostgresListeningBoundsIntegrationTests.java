package org.socialbank.console.listening.web;

import org.junit.jupiter.api.DisplayName;
import org.socialbank.support.TestStores;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@DisplayName("the listening figures and exports past scan-max on PostgreSQL (review 2026-12-07 PostgreSQL follow-up)")
class PostgresListeningBoundsIntegrationTests extends ListeningBoundsContract {

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        TestStores.postgres(registry);
    }
}
