package org.socialbank.branches;

import org.socialbank.support.TestStores;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class PostgresAppointmentConcurrencyIntegrationTests extends AppointmentConcurrency {

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        TestStores.postgres(registry);
    }

    @Override
    int waitingForALock() {
        return jdbc.sql(
                        "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'")
                .query(Integer.class)
                .single();
    }
}
