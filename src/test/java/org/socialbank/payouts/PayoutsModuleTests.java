package org.socialbank.payouts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.socialbank.support.TestStores;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Payouts start with the shared kernel alone (issue 14 item 9): the rail's store answers
 * without the payments that use it, which are not in the context.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES)
class PayoutsModuleTests {

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        TestStores.h2(registry);
    }

    @Autowired
    Payouts payouts;

    @Autowired
    ApplicationContext context;

    @Test
    void startsWithOnlyTheKernel() {
        assertThat(payouts.payout(new PayoutId(UUID.randomUUID()))).isEmpty();
        assertThat(context.getBeanNamesForType(org.socialbank.payments.Payments.class))
                .isEmpty();
        assertThat(context.getBeanNamesForType(org.socialbank.ledger.Ledger.class))
                .isEmpty();
    }
}
