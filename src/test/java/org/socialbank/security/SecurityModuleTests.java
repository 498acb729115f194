package org.socialbank.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.socialbank.support.TestStores;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Security (API tokens and scopes, the pages' settings, one-time codes) starts with the shared
 * kernel alone (issue 14 item 9): its filter chains stand without any module they protect.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES)
class SecurityModuleTests {

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        TestStores.h2(registry);
    }

    @Autowired
    ApplicationContext context;

    @Test
    void startsWithTheKernelAlone() {
        assertThat(context.getBeanNamesForType(SecurityFilterChain.class)).isNotEmpty();
        assertThat(context.getBeanNamesForType(org.socialbank.directory.Directory.class))
                .as("the directory")
                .isEmpty();
        assertThat(context.getBeanNamesForType(org.socialbank.ledger.Ledger.class))
                .as("the ledger")
                .isEmpty();
    }
}
