package org.socialbank.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.socialbank.directory.IdentityId;
import org.socialbank.support.TestStores;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The handoff to a person starts with the console, the conversation engine and what they need
 * (issue 14 item 9): a chat nobody took is the bot's.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
class HandoffModuleTests {

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        TestStores.h2(registry);
    }

    @Autowired
    Handoffs handoffs;

    @Autowired
    ApplicationContext context;

    @Test
    void aChatNobodyTookIsTheBots() {
        assertThat(handoffs.owner(new IdentityId(UUID.randomUUID()))).isInstanceOf(Owner.Bot.class);
        assertThat(context.getBeanNamesForType(org.socialbank.conversation.ConversationOwners.class))
                .isNotEmpty();
    }
}
