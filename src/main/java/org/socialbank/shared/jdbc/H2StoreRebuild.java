package org.socialbank.shared.jdbc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds an H2 file store from its rows, before the connection pool opens it, after a run that
 * did not stop cleanly (docs/adr/0017). A kill can leave H2's maps apart from each other: an index
 * entry whose row was not kept ("Row not found in primary index" at the next read through it), or
 * a row that its indexes do not hold, which a unique index would then let in twice. {@code SCRIPT}
 * reads every table through its rows, and {@code RUNSCRIPT} into a new file builds every index and
 * constraint again from them. A copy of the old file is kept beside it as {@code <file>.unclean}
 * (the last one only) for whoever wants to look at what the kill left.
 */
final class H2StoreRebuild {

    private static final Logger log = LoggerFactory.getLogger(H2StoreRebuild.class);

    private H2StoreRebuild() {}

    /**
     * Rebuilds {@code file} (the {@code .mv.db} of {@code url}); returns where the old one is kept.
     * The new store is built beside it and moved over it in one step, so a kill during the rebuild
     * leaves the old store and its mark, and the next start rebuilds again.
     */
    static Path rebuild(String url, String user, String password, Path file) {
        String base = file.toString().substring(0, file.toString().length() - ".mv.db".length());
        Path script = Path.of(base + ".rebuild.sql");
        Path built = Path.of(base + ".rebuilding.mv.db");
        Path kept = Path.of(base + ".mv.db.unclean");
        String settings = url.indexOf(';') < 0 ? "" : url.substring(url.indexOf(';'));
        long started = System.nanoTime();
        try {
            run(url, user, password, "SCRIPT TO " + literal(script));
            Files.deleteIfExists(built);
            run("jdbc:h2:file:" + base + ".rebuilding" + settings, user, password, "RUNSCRIPT FROM " + literal(script));
            Files.copy(file, kept, StandardCopyOption.REPLACE_EXISTING);
            Files.move(built, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Files.delete(script);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "the embedded store " + file + " did not stop cleanly and could not be "
                            + "rebuilt from its rows (docs/adr/0017); restore it from a backup",
                    e);
        } catch (IOException e) {
            throw new UncheckedIOException("rebuilding the embedded store " + file, e);
        }
        log.warn(
                "The embedded store {} did not stop cleanly: rebuilt from its rows in {} ms, the old file kept as {}",
                file,
                (System.nanoTime() - started) / 1_000_000,
                kept);
        return kept;
    }

    /** Runs one statement on its own connection and closes the database after it. */
    private static void run(String url, String user, String password, String statement) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user, password);
                Statement s = c.createStatement()) {
            s.execute(statement);
            s.execute("SHUTDOWN");
        }
    }

    private static String literal(Path path) {
        return "'" + path.toAbsolutePath().toString().replace("'", "''") + "'";
    }
}
