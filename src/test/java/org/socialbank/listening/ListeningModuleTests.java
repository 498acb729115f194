package org.socialbank.listening;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.socialbank.support.TestStores;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Social listening starts with the channels, the conversation engine and the directory (issue 14
 * item 9), without the console that shows it or the handoff.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
class ListeningModuleTests {

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        TestStores.h2(registry);
    }

    @Autowired
    Listening listening;

    @Autowired
    ApplicationContext context;

    @Test
    void startsWithoutTheConsoleOrTheHandoff() {
        assertThat(listening.spikes()).isEmpty();
        assertThat(context.getBeanNamesForType(org.socialbank.console.StaffDirectory.class))
                .as("the console")
                .isEmpty();
        assertThat(context.getBeanNamesForType(org.socialbank.handoff.Handoffs.class))
                .as("the handoff")
                .isEmpty();
    }
}
