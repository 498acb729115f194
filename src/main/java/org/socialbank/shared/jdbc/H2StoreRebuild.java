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
 * constraint again from them. The old file is kept beside it as {@code <file>.unclean} (the last
 * one only) for whoever wants to look at what the kill left.
 */
final class H2StoreRebuild {

    private static final Logger log = LoggerFactory.getLogger(H2StoreRebuild.class);

    private H2StoreRebuild() {}

    /** Rebuilds {@code file} (the {@code .mv.db} of {@code url}); returns where the old file is kept. */
    static Path rebuild(String url, String user, String password, Path file) {
        Path script = file.resolveSibling(file.getFileName() + ".rebuild.sql");
        Path kept = file.resolveSibling(file.getFileName() + ".unclean");
        long started = System.nanoTime();
        try {
            try (Connection c = DriverManager.getConnection(url, user, password);
                    Statement s = c.createStatement()) {
                s.execute("SCRIPT TO " + literal(script));
                s.execute("SHUTDOWN");
            }
            Files.move(file, kept, StandardCopyOption.REPLACE_EXISTING);
            try (Connection c = DriverManager.getConnection(url, user, password);
                    Statement s = c.createStatement()) {
                s.execute("RUNSCRIPT FROM " + literal(script));
            }
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

    private static String literal(Path path) {
        return "'" + path.toAbsolutePath().toString().replace("'", "''") + "'";
    }
}
