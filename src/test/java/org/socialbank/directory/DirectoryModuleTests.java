package org.socialbank.directory;

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
 * The directory starts with only the modules it depends on (issue 14 item 9): none of the
 * conversation engine, the channels or the payments is needed for it, and none is in the context.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES)
class DirectoryModuleTests {

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        TestStores.h2(registry);
    }

    @Autowired
    Directory directory;

    @Autowired
    ApplicationContext context;

    @Test
    void startsWithoutTheModulesThatUseIt() {
        assertThat(directory.customer(new CustomerId(UUID.randomUUID()))).isEmpty();
        assertThat(context.getBeanNamesForType(org.socialbank.conversation.Conversations.class))
                .isEmpty();
        assertThat(context.getBeanNamesForType(org.socialbank.payments.Payments.class))
                .isEmpty();
    }
}
