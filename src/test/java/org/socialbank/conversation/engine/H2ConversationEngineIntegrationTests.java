package org.socialbank.conversation.engine;

import org.socialbank.support.TestStores;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class H2ConversationEngineIntegrationTests extends ConversationEngineContract {

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        TestStores.h2(registry);
        // H2 2.4.240 binds CHECK (... IN (...)) constraints to the session that created them
        // (h2database#4302): keep Flyway's connection in the pool for the test's life
        registry.add("spring.datasource.hikari.minimum-idle", () -> "10");
    }
}
