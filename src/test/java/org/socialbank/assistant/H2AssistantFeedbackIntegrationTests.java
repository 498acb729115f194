package org.socialbank.assistant;

import org.socialbank.support.TestStores;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The votes' contract on H2 (V121; review 2026-12-07 assistant follow-up). */
@SpringBootTest
class H2AssistantFeedbackIntegrationTests extends AssistantFeedbackContract {

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        TestStores.h2(registry);
    }
}
