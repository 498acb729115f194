package org.socialbank.loyalty;

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
 * Loyalty starts with the cards, the directory, the ledger and what they need (issue 14 item
 * 9), without the conversation engine or the payments, which are not in the context.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
class LoyaltyModuleTests {

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        TestStores.h2(registry);
    }

    @Autowired
    Points points;

    @Autowired
    ApplicationContext context;

    @Test
    void startsWithoutTheChatOrThePayments() {
        assertThat(points.summary(new CustomerId(UUID.randomUUID()), 1)).isEmpty();
        assertThat(context.getBeanNamesForType(org.socialbank.conversation.Conversations.class))
                .isEmpty();
        assertThat(context.getBeanNamesForType(org.socialbank.payments.Payments.class))
                .isEmpty();
    }
}
