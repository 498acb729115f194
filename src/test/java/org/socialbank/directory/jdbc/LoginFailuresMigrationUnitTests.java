package org.socialbank.directory.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.socialbank.support.MigrationStores;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * V117 on H2 and PostgreSQL: the sign-in throttle's rows keyed by a user name as typed (which may
 * be a password typed in the wrong field) are dropped; the per-address rows stay.
 */
class LoginFailuresMigrationUnitTests {

    static Stream<String> stores() {
        return MigrationStores.kinds();
    }

    @ParameterizedTest
    @MethodSource("stores")
    @DisplayName("V117 drops the clear-text user-name rows of the sign-in throttle, keeps the address rows"
            + " (review 2026-12-07 security follow-up)")
    void clearTextNamesAreDropped(String store) {
        MigrationStores.Migrated migrated = MigrationStores.migratedTo(store, "112"); // the last before V117 here
        JdbcClient jdbc = migrated.jdbc();
        for (String key : new String[] {"user:secret-pass-123", "user:alice", "ip:192.0.2.1"}) {
            jdbc.sql(
                            "INSERT INTO login_failures (throttle_key, failures, locked_until, updated_at) VALUES (?, 2, NULL, ?)")
                    .params(key, OffsetDateTime.now(ZoneOffset.UTC))
                    .update();
        }

        migrated.migrate();

        assertThat(jdbc.sql("SELECT throttle_key FROM login_failures")
                        .query(String.class)
                        .list())
                .containsExactly("ip:192.0.2.1");
    }
}
