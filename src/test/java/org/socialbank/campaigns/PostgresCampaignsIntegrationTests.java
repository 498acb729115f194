package org.socialbank.campaigns;

import org.junit.jupiter.api.DisplayName;
import org.socialbank.support.TestStores;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@DisplayName("campaigns over real HTTP on PostgreSQL (review 2026-12-07 PostgreSQL follow-up)")
class PostgresCampaignsIntegrationTests extends CampaignsContract {

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        TestStores.postgres(registry);
        settings(registry);
    }
}
