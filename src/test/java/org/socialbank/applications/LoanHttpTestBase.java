package org.socialbank.applications;

import org.socialbank.support.TestStores;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link LoanHttpBase} on H2, what most of the applications' HTTP test classes run on. */
abstract class LoanHttpTestBase extends LoanHttpBase {

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        TestStores.h2(registry);
    }
}
