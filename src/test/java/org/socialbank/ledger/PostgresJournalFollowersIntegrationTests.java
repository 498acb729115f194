package org.socialbank.ledger;

import org.socialbank.support.TestStores;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class PostgresJournalFollowersIntegrationTests extends JournalFollowers {

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        TestStores.postgres(registry);
    }

    @Override
    long lockWaiters() {
        return jdbc.sql("SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database()"
                        + " AND wait_event_type = 'Lock'")
                .query(Long.class)
                .single();
    }
}
