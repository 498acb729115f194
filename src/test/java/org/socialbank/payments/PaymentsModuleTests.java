package org.socialbank.payments;

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
 * The payments start with the modules they use (directory, ledger, notifications, payouts,
 * security; issue 14 item 9): a payment is looked up without the conversation engine, the
 * channels or the console, and none of them is in the context.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES)
class PaymentsModuleTests {

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        TestStores.h2(registry);
    }

    @Autowired
    Payments payments;

    @Autowired
    ApplicationContext context;

    @Test
    void startsWithoutTheChatOrTheConsole() {
        assertThat(payments.payment(new PaymentId(UUID.randomUUID()))).isEmpty();
        assertThat(context.getBeanNamesForType(org.socialbank.conversation.Conversations.class))
                .isEmpty();
        assertThat(context.getBeanNamesForType(org.socialbank.billing.Bills.class))
                .isEmpty();
    }
}
