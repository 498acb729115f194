package org.socialbank.shared.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.socialbank.support.TestStores;

/**
 * Guards ADR 0008: on H2 2.4.240 a CHECK constraint comparing with constants broke once the
 * connection that created it closed, so a fresh embedded store failed every insert after the pool
 * retired Flyway's connection.
 */
class H2ConstraintsOutliveTheirSessionUnitTests {

    @Test
    @DisplayName("ADR 0008: a CHECK (x IN (...)) made by a closed connection still holds for the others")
    void aCheckConstraintOutlivesTheConnectionThatCreatedIt(@TempDir Path dir) throws SQLException {
        String url = TestStores.h2Url(dir);
        try (Connection stays = DriverManager.getConnection(url, "sa", "")) {
            try (Connection migrating = DriverManager.getConnection(url, "sa", "");
                    Statement s = migrating.createStatement()) {
                s.execute("CREATE TABLE kinds (kind VARCHAR(16) NOT NULL"
                        + " CONSTRAINT kinds_known CHECK (kind IN ('wallet', 'escrow')))");
            }
            try (Statement s = stays.createStatement()) {
                assertThat(s.executeUpdate("INSERT INTO kinds (kind) VALUES ('wallet')"))
                        .isEqualTo(1);
                assertThat(assertThrows(
                                        SQLException.class,
                                        () -> s.executeUpdate("INSERT INTO kinds (kind) VALUES ('other')"))
                                .getMessage())
                        .contains("kinds_known");
            }
        }
    }
}
