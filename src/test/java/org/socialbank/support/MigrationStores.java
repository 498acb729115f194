package org.socialbank.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
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

    /**
     * A fresh store of {@code kind} migrated by Flyway as the application migrates it (the common
     * folder and the vendor's), up to version {@code target}: for a test of a migration's backfill,
     * which writes rows as the older code did and then {@link Migrated#migrate() migrates on}.
     */
    public static Migrated migratedTo(String kind, String target) {
        DataSource data = kind.equals("h2")
                ? new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID()
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")
                : new DriverManagerDataSource(PostgresDatabases.create(), PostgresDatabases.user(), "");
        Migrated store = new Migrated(kind, data, JdbcClient.create(data));
        store.flyway(target).migrate();
        return store;
    }

    /** A store Flyway migrated part of the way. */
    public record Migrated(String kind, DataSource data, JdbcClient jdbc) {

        /** Runs the remaining migrations. */
        public void migrate() {
            flyway(null).migrate();
        }

        private Flyway flyway(String target) {
            var config = Flyway.configure()
                    .dataSource(data)
                    .locations("classpath:db/migration/common", "classpath:db/migration/" + kind);
            return (target == null ? config : config.target(target)).load();
        }
    }
}
