package org.socialbank.campaigns;

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
 * Campaigns start with the consent, the alerts, the directory and the ledger (issue 14 item 9),
 * without the conversation engine or the channel adapters that send them.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
class CampaignsModuleTests {

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        TestStores.h2(registry);
    }

    @Autowired
    Campaigns campaigns;

    @Autowired
    ApplicationContext context;

    @Test
    void startsWithoutTheChat() {
        assertThat(campaigns.campaign(UUID.randomUUID())).isEmpty();
        assertThat(context.getBeanNamesForType(org.socialbank.conversation.Conversations.class))
                .as("the conversation engine")
                .isEmpty();
        assertThat(context.getBeanNamesForType(org.socialbank.payments.Payments.class))
                .as("the payments")
                .isEmpty();
    }
}
