package org.socialbank.billing;

import org.socialbank.support.TestStores;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class PostgresBillingLimitsConcurrencyIntegrationTests extends BillingLimitsConcurrency {

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        TestStores.postgres(registry);
    }
}
