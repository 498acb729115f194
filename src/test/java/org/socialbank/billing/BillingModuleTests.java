package org.socialbank.billing;

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
 * Billing starts with the payments, the cards, the directory, the ledger and the loyalty points
 * (a bill can be paid partly with points, issue 16 item 3.7) (issue 14 item 9), without the
 * conversation engine that offers it in chats.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
class BillingModuleTests {

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        TestStores.h2(registry);
    }

    @Autowired
    Bills bills;

    @Autowired
    ApplicationContext context;

    @Test
    void startsWithoutTheChat() {
        assertThat(bills.payment(new BillPaymentId(UUID.randomUUID()))).isEmpty();
        assertThat(context.getBeanNamesForType(org.socialbank.conversation.Conversations.class))
                .as("the conversation engine")
                .isEmpty();
        assertThat(context.getBeanNamesForType(org.socialbank.loyalty.PointsDiscounts.class))
                .as("the points discount")
                .isNotEmpty();
    }
}
