package org.socialbank.branches;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.socialbank.support.TestStores;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The services (branches and appointments) start with the directory and what it needs (issue 14
 * item 9), without the conversation engine that books in chat, which is not in the context.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
class BranchesModuleTests {

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        TestStores.h2(registry);
    }

    @Autowired
    Branches branches;

    @Autowired
    ApplicationContext context;

    @Test
    void startsWithoutTheChat() {
        assertThat(branches.nearest(48.85, 2.35, 3)).isNotNull();
        assertThat(context.getBeanNamesForType(Appointments.class)).isNotEmpty();
        assertThat(context.getBeanNamesForType(org.socialbank.conversation.Conversations.class))
                .isEmpty();
    }
}
