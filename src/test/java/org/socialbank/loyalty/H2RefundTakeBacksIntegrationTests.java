package org.socialbank.loyalty;

import org.socialbank.support.TestStores;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link RefundTakeBacksContract} on H2. */
class H2RefundTakeBacksIntegrationTests extends RefundTakeBacksContract {

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        TestStores.h2(registry);
    }
}
