package org.socialbank.conversation;

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
 * The conversation engine starts with every module it talks to but without the channel
 * adapters, the handoff, the console and the listening that sit on top of it (issue 14 item 9):
 * a message in a chat is answered, and no adapter is in the context.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
class ConversationModuleTests {

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        TestStores.h2(registry);
    }

    @Autowired
    Conversations conversations;

    @Autowired
    ApplicationContext context;

    @Test
    void answersWithoutAnyChannelAdapter() {
        Received received = conversations.receive(new InboundMessage(
                Network.TELEGRAM,
                "m-" + UUID.randomUUID(),
                "tg-" + UUID.randomUUID(),
                null,
                null,
                new Inbound.Text("help")));
        assertThat(received).isInstanceOf(Received.Handled.class);
        assertThat(((Received.Handled) received).replies()).isNotEmpty();
        assertThat(context.getBeanNamesForType(ChannelSender.class))
                .as("channel adapters")
                .isEmpty();
        assertThat(context.getBeanNamesForType(org.socialbank.handoff.Handoffs.class))
                .isEmpty();
    }
}
