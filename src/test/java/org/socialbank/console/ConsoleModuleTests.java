package org.socialbank.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.socialbank.support.TestStores;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The staff console starts with the listening, the directory and security (issue 14 item 9),
 * without the handoff, whose pages plug into it.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
class ConsoleModuleTests {

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        TestStores.h2(registry);
    }

    @Autowired
    StaffDirectory staff;

    @Autowired
    ApplicationContext context;

    @Test
    void startsWithoutTheHandoff() {
        assertThat(staff).isNotNull();
        assertThat(context.getBeanNamesForType(org.socialbank.handoff.Handoffs.class))
                .as("the handoff")
                .isEmpty();
    }
}
