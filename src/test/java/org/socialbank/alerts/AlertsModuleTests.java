package org.socialbank.alerts;

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
 * Alerts start with the ledger, the directory and the notifications (issue 14 item 9), without the
 * conversation engine that delivers them in chats or the payments whose postings they follow.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
class AlertsModuleTests {

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        TestStores.h2(registry);
    }

    @Autowired
    Alerts alerts;

    @Autowired
    ApplicationContext context;

    @Test
    void startsWithoutTheChatOrThePayments() {
        assertThat(alerts.settings(new CustomerId(UUID.randomUUID()))).isNotNull();
        assertThat(context.getBeanNamesForType(org.socialbank.conversation.Conversations.class))
                .as("the conversation engine")
                .isEmpty();
        assertThat(context.getBeanNamesForType(org.socialbank.payments.Payments.class))
                .as("the payments")
                .isEmpty();
    }
}
