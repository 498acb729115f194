package org.socialbank.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.socialbank.directory.Directory;
import org.socialbank.support.TestStores;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The demo bank starts with the branches, the directory and the ledger (issue 14 item 9) and seeds
 * its customers, without the conversation engine or the payments.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
class DemoModuleTests {

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        TestStores.h2(registry);
        registry.add("socialbank.demo.enabled", () -> "true");
    }

    @Autowired
    Directory directory;

    @Autowired
    ApplicationContext context;

    @Test
    void seedsItsCustomersWithoutTheChatOrThePayments() {
        assertThat(directory.customer(DemoBank.CUSTOMERS.get(0).customerId())).isPresent();
        assertThat(context.getBeanNamesForType(org.socialbank.conversation.Conversations.class))
                .as("the conversation engine")
                .isEmpty();
        assertThat(context.getBeanNamesForType(org.socialbank.payments.Payments.class))
                .as("the payments")
                .isEmpty();
    }
}
