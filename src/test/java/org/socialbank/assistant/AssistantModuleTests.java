package org.socialbank.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.socialbank.support.TestStores;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The assistant starts with the shared kernel alone (issue 14 item 9): no customer, account or chat
 * is in the context; its feedback store answers. Like consent's, it names {@code shared} (the
 * kernel's {@code Clock} is not started for a module's direct dependencies alone).
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES, extraIncludes = "shared")
class AssistantModuleTests {

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        TestStores.h2(registry);
    }

    @Autowired
    Assistant assistant;

    @Autowired
    ApplicationContext context;

    @Test
    void startsWithTheKernelAlone() {
        assertThat(assistant.feedbackByIntent("en", 5)).isEmpty();
        assertThat(context.getBeanNamesForType(org.socialbank.directory.Directory.class))
                .as("the directory")
                .isEmpty();
        assertThat(context.getBeanNamesForType(org.socialbank.ledger.Ledger.class))
                .as("the ledger")
                .isEmpty();
        assertThat(context.getBeanNamesForType(org.socialbank.conversation.Conversations.class))
                .as("the conversation engine")
                .isEmpty();
    }
}
