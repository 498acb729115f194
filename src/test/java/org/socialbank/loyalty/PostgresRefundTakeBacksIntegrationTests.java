package org.socialbank.loyalty;

import org.socialbank.support.TestStores;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link RefundTakeBacksContract} on PostgreSQL. */
class PostgresRefundTakeBacksIntegrationTests extends RefundTakeBacksContract {

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        TestStores.postgres(registry);
    }
}
