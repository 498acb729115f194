package org.socialbank.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.socialbank.support.TestStores;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Notifications start with the shared kernel alone (issue 14 item 9): the send budgets
 * answer from their store, and no module that sends through them is in the context.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES)
class NotificationsModuleTests {

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        TestStores.h2(registry);
    }

    @Autowired
    SendBudgets budgets;

    @Autowired
    ApplicationContext context;

    @Test
    void startsWithOnlyTheKernel() {
        assertThat(budgets.denied("+33612345678")).isFalse();
        assertThat(context.getBeanNamesForType(SmsGateway.class)).isNotEmpty();
        assertThat(context.getBeanNamesForType(org.socialbank.directory.Directory.class))
                .isEmpty();
    }
}
