package org.socialbank.ledger.web;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.socialbank.support.TestStores;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class PostgresLedgerHttpIntegrationTests extends LedgerHttpContract {

    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        TestStores.postgres(registry);
    }

    @Test
    void theDatabaseRefusesToChangeOrRemoveBookedTransfers() {
        String bank = open("EUR", "bank_equity", null);
        String alice = open("EUR", "customer_wallet", null);
        String id = UUID.randomUUID().toString();
        api.post("/api/v1/transfers", transfer(id, bank, alice, 100, "EUR", "{}"));
        assertThatThrownBy(() -> jdbc.sql("UPDATE transfers SET amount_minor = 1 WHERE id = ?")
                        .param(UUID.fromString(id))
                        .update())
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM transfers WHERE id = ?")
                        .param(UUID.fromString(id))
                        .update())
                .isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> jdbc.sql("TRUNCATE transfers CASCADE").update())
                .isInstanceOf(DataAccessException.class);
        assertBalances(alice, 0, 100, 0, 0);
    }
}
