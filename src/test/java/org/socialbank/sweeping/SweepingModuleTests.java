package org.socialbank.sweeping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.socialbank.directory.CustomerId;
import org.socialbank.support.TestStores;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Sweeping starts with the directory, the ledger and what they need (issue 14 item 9), without
 * the conversation engine or the payments, which are not in the context.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
class SweepingModuleTests {

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        TestStores.h2(registry);
    }

    @Autowired
    Sweeping sweeping;

    @Autowired
    ApplicationContext context;

    @Test
    void startsWithoutTheChatOrThePayments() {
        assertThat(sweeping.pulls(new CustomerId(UUID.randomUUID()))).isEmpty();
        assertThat(context.getBeanNamesForType(org.socialbank.conversation.Conversations.class))
                .isEmpty();
        assertThat(context.getBeanNamesForType(org.socialbank.payments.Payments.class))
                .isEmpty();
    }
}
