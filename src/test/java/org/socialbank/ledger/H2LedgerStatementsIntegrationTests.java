package org.socialbank.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.socialbank.support.TestStores;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class H2LedgerStatementsIntegrationTests extends LedgerStatements {

    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        TestStores.h2(registry);
    }

    @Override
    int statementsMax() {
        return 4; // lock, look-up, insert, update
    }

    /**
     * H2 writes every changed page of the store each time an identity sequence flushes (V69):
     * with H2's default of 32 values per flush a group of 1,024 journal rows wrote the store about
     * 32 times (session 12's profile). The journal's sequence must flush once per 1,024 at most.
     */
    @Test
    void theJournalsSequenceFlushesOncePerThousandRowsAtMost() {
        long cache = jdbc.sql("SELECT IDENTITY_CACHE FROM INFORMATION_SCHEMA.COLUMNS"
                        + " WHERE LOWER(TABLE_NAME) = 'transfers' AND LOWER(COLUMN_NAME) = 'seq'")
                .query(Long.class)
                .single();
        assertThat(cache).isGreaterThanOrEqualTo(1024);
    }
}
