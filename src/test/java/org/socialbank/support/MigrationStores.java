package org.socialbank.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A fresh store holding only the tables of the migrations a unit test names, on H2 in PostgreSQL
 * mode or on the local PostgreSQL server: the SQL of one table checked on both, without an
 * application.
 */
public final class MigrationStores {

    private MigrationStores() {}

    /** The stores a parameterized test runs on. */
    public static Stream<String> kinds() {
        return Stream.of("h2", "postgresql");
    }

    /** A fresh store of {@code kind} ({@code h2} or {@code postgresql}) with the given migrations run. */
    public static JdbcClient store(String kind, String... migrations) {
        JdbcClient jdbc = kind.equals("h2")
                ? JdbcClient.create(new DriverManagerDataSource(
                        "jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=PostgreSQL;DB_CLOSE_DELAY=-1"))
                : JdbcClient.create(
                        new DriverManagerDataSource(PostgresDatabases.create(), PostgresDatabases.user(), ""));
        for (String migration : migrations) {
            run(jdbc, migration);
        }
        return jdbc;
    }

    /** Runs one migration of {@code db/migration/common} (its statements, without comments). */
    public static void run(JdbcClient jdbc, String migration) {
        try (InputStream in = MigrationStores.class.getResourceAsStream("/db/migration/common/" + migration)) {
            String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?m)--.*$", "");
            for (String statement : sql.split(";")) {
                if (!statement.isBlank()) {
                    jdbc.sql(statement).update();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
