package org.socialbank.consent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.socialbank.shared.Network;
import org.socialbank.support.TestStores;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Consent starts with the directory and what it needs (issue 14 item 9), without the
 * campaigns that ask it, which are not in the context.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES, extraIncludes = "shared")
class ConsentModuleTests {

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        TestStores.h2(registry);
    }

    @Autowired
    Consents consents;

    @Autowired
    ApplicationContext context;

    @Test
    void startsWithoutTheCampaigns() {
        assertThat(consents.allowsMarketing(Network.TELEGRAM, "tg-" + UUID.randomUUID()))
                .isFalse();
        assertThat(context.getBeanNamesForType(org.socialbank.campaigns.Campaigns.class))
                .isEmpty();
        assertThat(context.getBeanNamesForType(org.socialbank.conversation.Conversations.class))
                .isEmpty();
    }
}
