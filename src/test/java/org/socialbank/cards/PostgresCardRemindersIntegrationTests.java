package org.socialbank.cards;

import org.socialbank.support.TestStores;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link CardRemindersScenario} on postgresPostgreSQL. */
@SpringBootTest(properties = {"socialbank.cards.statement-interval=1d", "socialbank.cards.reminders.enabled=false"})
@Import({CardStatementsIntegrationTests.Clocks.class, CardRemindersScenario.Listening.class})
class PostgresCardRemindersIntegrationTests extends CardRemindersScenario {

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        TestStores.postgres(registry);
    }
}
