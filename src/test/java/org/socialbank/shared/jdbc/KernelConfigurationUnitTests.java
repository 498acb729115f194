package org.socialbank.shared.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KernelConfigurationUnitTests {

    @Test
    void findsTheFileOfAnH2FileDatabaseOnly() {
        assertThat(KernelConfiguration.h2File("jdbc:h2:file:./data/socialbank;MODE=PostgreSQL"))
                .contains(Path.of("data/socialbank.mv.db").toAbsolutePath());
        assertThat(KernelConfiguration.h2File("jdbc:h2:./x"))
                .contains(Path.of("x.mv.db").toAbsolutePath());
        assertThat(KernelConfiguration.h2File("jdbc:h2:mem:test")).isEmpty();
        assertThat(KernelConfiguration.h2File("jdbc:h2:tcp://localhost/x")).isEmpty();
        assertThat(KernelConfiguration.h2File("jdbc:postgresql://127.0.0.1/test"))
                .isEmpty();
    }

    @Test
    void demoModeRunsOnlyBehindALoopbackAddress() { // security review #8
        for (String local : new String[] {
            "http://localhost:8080", "http://127.0.0.1:8080/", "http://[::1]:8080", "http://chat.localhost"
        }) {
            assertThat(KernelConfiguration.loopback(local)).as(local).isTrue();
        }
        for (String remote : new String[] {
            "https://bank.example",
            "http://10.0.0.1:8080",
            "http://localhost.bank.example",
            "http://127.0.0.1.nip.io",
            "not a url",
            ""
        }) {
            assertThat(KernelConfiguration.loopback(remote)).as(remote).isFalse();
        }
        assertThat(new KernelConfiguration()
                        .demoMode(false, "https://bank.example")
                        .enabled())
                .isFalse();
        assertThat(new KernelConfiguration()
                        .demoMode(true, "http://localhost:8080")
                        .enabled())
                .isTrue();
    }

    @Test
    void syncsTheFileAndServesManyWaitersWithOneSync(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("db.mv.db"), "x");
        H2FileSync sync = new H2FileSync(file);
        Thread[] threads = new Thread[8];
        for (int i = 0; i < threads.length; i++) {
            threads[i] = new Thread(sync::awaitDurable);
            threads[i].start();
        }
        for (Thread t : threads) {
            t.join(10_000);
            assertThat(t.isAlive()).isFalse();
        }
        sync.awaitDurable();
    }

    @Test
    void onPostgresEveryConnectionCommitsSynchronouslyAndBatchedInsertsTravelAsMultiRowInserts() {
        var postProcessor = KernelConfiguration.synchronousCommits();
        try (var postgres = new com.zaxxer.hikari.HikariDataSource();
                var h2 = new com.zaxxer.hikari.HikariDataSource()) {
            postgres.setJdbcUrl("jdbc:postgresql://127.0.0.1:5432/test");
            h2.setJdbcUrl("jdbc:h2:mem:kernel");
            postProcessor.postProcessBeforeInitialization(postgres, "dataSource");
            postProcessor.postProcessBeforeInitialization(h2, "dataSource");

            assertThat(postgres.getConnectionInitSql()).isEqualTo("SET synchronous_commit TO on");
            assertThat(postgres.getDataSourceProperties()).containsEntry("reWriteBatchedInserts", "true");
            assertThat(h2.getConnectionInitSql()).isNull();
            assertThat(h2.getDataSourceProperties()).isEmpty(); // H2 refuses settings it does not know
        }
    }
}
