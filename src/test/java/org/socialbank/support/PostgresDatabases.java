package org.socialbank.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * Fresh PostgreSQL databases for tests, one per test class.
 *
 * <p>The server is the one at 127.0.0.1:5432 (user postgres, trust auth). Under {@code CI=true}
 * it must be there: the PostgreSQL suite is mandatory and fails loudly without it. Elsewhere, when
 * none answers, an embedded PostgreSQL is started once for the whole test run.
 */
public final class PostgresDatabases {

    private static final String HOST_URL =
            System.getenv().getOrDefault("SOCIALBANK_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    private static final String USER = System.getenv().getOrDefault("SOCIALBANK_TEST_POSTGRES_USER", "postgres");
    private static String serverUrl; // a URL whose database part is replaced per test class
    private static EmbeddedPostgres embedded;

    private PostgresDatabases() {}

    /** Creates an empty database and returns its JDBC URL. */
    public static synchronized String create() {
        String admin = server();
        String name = "sb_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(admin, USER, "");
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
            if (embedded == null) {
                dropOnExit(admin, name);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create test database " + name, e);
        }
        return admin.substring(0, admin.lastIndexOf('/') + 1) + name;
    }

    public static String user() {
        return USER;
    }

    private static String server() {
        if (serverUrl != null) {
            return serverUrl;
        }
        if (reachable(HOST_URL)) {
            serverUrl = HOST_URL;
        } else if ("true".equals(System.getenv("CI"))) {
            throw new IllegalStateException("CI=true but no PostgreSQL answers at " + HOST_URL
                    + " (user " + USER + "): the PostgreSQL suite is mandatory in CI. "
                    + "Start it, e.g. pg_ctlcluster <version> main start");
        } else {
            serverUrl = startEmbedded();
        }
        return serverUrl;
    }

    private static boolean reachable(String url) {
        DriverManager.setLoginTimeout(3);
        try (Connection c = DriverManager.getConnection(url, USER, "")) {
            return c.isValid(3);
        } catch (SQLException e) {
            return false;
        }
    }

    private static String startEmbedded() {
        try {
            embedded = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    embedded.close();
                } catch (IOException ignored) {
                    // the JVM is exiting; the embedded server's directory is temporary
                }
            }));
            return embedded.getJdbcUrl("postgres", "postgres");
        } catch (IOException e) {
            throw new UncheckedIOException("no PostgreSQL at " + HOST_URL + " and the embedded one did not start", e);
        }
    }

    /** Drops the databases this JVM created, when it exits; never another run's. */
    private static void dropOnExit(String admin, String name) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try (Connection c = DriverManager.getConnection(admin, USER, "");
                    Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            } catch (SQLException ignored) {
                // the server may be gone already; a leftover database only costs disk space
            }
        }));
    }
}
