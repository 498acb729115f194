package org.socialbank.console.audit;

import org.socialbank.support.TestStores;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

class PostgresConsoleStoreIntegrationTests extends ConsoleStoreContract {

    @Autowired
    TransactionTemplate transactions;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        TestStores.postgres(registry);
    }

    /** As the table's owner could: switch the append-only trigger off, change, switch it on. */
    @Override
    void behindTheBanksBack(String sql, Object... params) {
        transactions.executeWithoutResult(tx -> {
            jdbc.sql("ALTER TABLE console_audit DISABLE TRIGGER console_audit_no_update_or_delete")
                    .update();
            jdbc.sql(sql).params(params).update();
            jdbc.sql("ALTER TABLE console_audit ENABLE TRIGGER console_audit_no_update_or_delete")
                    .update();
        });
    }

    @Override
    boolean storeRefusesChanges() {
        return true;
    }
}
