package org.socialbank.channels;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.socialbank.conversation.ChannelSender;
import org.socialbank.support.TestStores;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The channel adapters start on the conversation engine and what it needs (issue 14 item 9),
 * without the handoff, the console or the listening that sit on top of them.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
class ChannelsModuleTests {

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        TestStores.h2(registry);
    }

    @Autowired
    ApplicationContext context;

    @Test
    void startsWithoutTheHandoffOrTheConsole() {
        assertThat(context.getBeanNamesForType(ChannelSender.class))
                .as("the adapters' senders")
                .isNotEmpty();
        assertThat(context.getBeanNamesForType(org.socialbank.handoff.Handoffs.class))
                .as("the handoff")
                .isEmpty();
        assertThat(context.getBeanNamesForType(org.socialbank.console.StaffDirectory.class))
                .as("the console")
                .isEmpty();
        assertThat(context.getBeanNamesForType(org.socialbank.listening.Listening.class))
                .as("the listening")
                .isEmpty();
    }
}
