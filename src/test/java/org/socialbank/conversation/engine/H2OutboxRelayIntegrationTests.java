package org.socialbank.conversation.engine;

import org.socialbank.support.TestStores;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class H2OutboxRelayIntegrationTests extends OutboxRelayContract {

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        TestStores.h2(registry);
        // H2 2.4.240 binds CHECK (... IN (...)) constraints to the session that created them
        // (h2database#4302): once the pool retires Flyway's connection, every insert fails with
        // "The database has been closed". Keep every connection for the test's life.
        registry.add("spring.datasource.hikari.minimum-idle", () -> "10");
    }
}
