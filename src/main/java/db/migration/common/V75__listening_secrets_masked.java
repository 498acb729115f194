package db.migration.common;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.socialbank.listening.Mentions;
import org.socialbank.shared.Secrets;

/**
 * Masks the card numbers and PINs that mentions and spike alerts stored before listening screened
 * them on arrival (review 2026-12-07 console #2). The screen is {@link Secrets} (a Luhn check, the
 * words that name a code in five languages), which no SQL common to H2 and PostgreSQL can say, so
 * this migration is Java: it reads each row and rewrites only the rows that held a secret. A
 * rewritten mention gets the text key of its screened text, and so do its corrections, so that a
 * repeat of the post, screened on arrival, still finds them.
 */
public class V75__listening_secrets_masked extends BaseJavaMigration {

    static final int BATCH = 500;

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        mentions(c);
        alerts(c);
    }

    private static void mentions(Connection c) throws SQLException {
        List<Object[]> changed = new ArrayList<>();
        try (Statement read = c.createStatement()) {
            read.setFetchSize(BATCH);
            try (ResultSet rs = read.executeQuery("SELECT id, body FROM listening_mentions")) {
                while (rs.next()) {
                    Secrets.Screened body = Secrets.screen(rs.getString(2));
                    if (body.secret()) {
                        changed.add(new Object[] {body.text(), Mentions.textKey(body.text()), rs.getObject(1)});
                    }
                }
            }
        }
        update(c, "UPDATE listening_mentions SET body = ?, text_key = ? WHERE id = ?", changed);
        List<Object[]> keys =
                changed.stream().map(r -> new Object[] {r[1], r[2]}).toList();
        update(c, "UPDATE listening_corrections SET text_key = ? WHERE mention_id = ?", keys);
    }

    /** An alert's examples (a line each: mention id, tab, source, tab, text) and its rising words. */
    private static void alerts(Connection c) throws SQLException {
        List<Object[]> changed = new ArrayList<>();
        try (Statement read = c.createStatement()) {
            read.setFetchSize(BATCH);
            try (ResultSet rs = read.executeQuery("SELECT id, words, examples FROM listening_spike_alerts")) {
                while (rs.next()) {
                    Secrets.Screened words = Secrets.screen(rs.getString(2));
                    String examples = examples(rs.getString(3));
                    if (words.secret() || !examples.equals(rs.getString(3))) {
                        changed.add(new Object[] {words.text(), examples, rs.getObject(1)});
                    }
                }
            }
        }
        update(c, "UPDATE listening_spike_alerts SET words = ?, examples = ? WHERE id = ?", changed);
    }

    /** Each example's text screened; its mention id and source as they were (an id's digits are no card). */
    static String examples(String stored) {
        List<String> lines = new ArrayList<>();
        for (String line : stored.split("\n", -1)) {
            String[] parts = line.split("\t", 3);
            lines.add(
                    parts.length == 3
                            ? parts[0] + "\t" + parts[1] + "\t"
                                    + Secrets.screen(parts[2]).text()
                            : line);
        }
        return String.join("\n", lines);
    }

    private static void update(Connection c, String sql, List<Object[]> rows) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(sql)) {
            for (int i = 0; i < rows.size(); i++) {
                for (int p = 0; p < rows.get(i).length; p++) {
                    update.setObject(p + 1, rows.get(i)[p]);
                }
                update.addBatch();
                if ((i + 1) % BATCH == 0 || i + 1 == rows.size()) {
                    update.executeBatch();
                }
            }
        }
    }
}
