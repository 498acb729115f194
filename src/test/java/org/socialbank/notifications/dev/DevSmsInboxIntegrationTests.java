package org.socialbank.notifications.dev;

import org.socialbank.support.TestStores;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class DevSmsInboxIntegrationTests extends DevSmsInboxContract {

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        TestStores.h2(registry);
        registry.add("socialbank.demo.enabled", () -> "true"); // after TestStores, which turns it off
    }
}
