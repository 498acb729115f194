package org.socialbank.payouts;

import org.socialbank.support.TestStores;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class PostgresPayoutsIntegrationTests extends PayoutDoubtsContract {

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        TestStores.postgres(registry);
        registry.add("socialbank.demo.enabled", () -> "true"); // after TestStores: the dev endpoint needs it
    }
}
