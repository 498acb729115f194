package org.socialbank.branches.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.socialbank.branches.Branch;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The branches table; rows are few (hundreds to thousands), so lookups scan a bounded box. */
@Repository
public class JdbcBranches {

    /** The most rows one lookup reads. */
    public static final int SCAN_MAX = 2_000;

    private static final String COLUMNS = "id, name, address, city, lat, lon, hours, atm_only";

    private final JdbcClient jdbc;

    JdbcBranches(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void upsert(Branch b) {
        int updated = update(b);
        if (updated == 0) {
            try {
                jdbc.sql("INSERT INTO branches (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                        .params(b.id(), b.name(), b.address(), b.city(), b.lat(), b.lon(), b.hours(), b.atmOnly())
                        .update();
            } catch (DuplicateKeyException raced) {
                update(b);
            }
        }
    }

    private int update(Branch b) {
        return jdbc.sql(
                        "UPDATE branches SET name = ?, address = ?, city = ?, lat = ?, lon = ?, hours = ?, atm_only = ? "
                                + "WHERE id = ?")
                .params(b.name(), b.address(), b.city(), b.lat(), b.lon(), b.hours(), b.atmOnly(), b.id())
                .update();
    }

    public List<Branch> within(double latMin, double latMax, double lonMin, double lonMax, int max) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM branches WHERE lat BETWEEN ? AND ? AND lon BETWEEN ? AND ? "
                        + "ORDER BY id LIMIT ?")
                .params(latMin, latMax, lonMin, lonMax, max)
                .query(JdbcBranches::branch)
                .list();
    }

    public List<Branch> all(int max) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM branches ORDER BY id LIMIT ?")
                .param(max)
                .query(JdbcBranches::branch)
                .list();
    }

    public List<Branch> matching(String text, int max) {
        String like = "%"
                + text.toLowerCase(Locale.ROOT)
                        .replace("\\", "\\\\")
                        .replace("%", "\\%")
                        .replace("_", "\\_") + "%";
        return jdbc.sql("SELECT " + COLUMNS + " FROM branches WHERE LOWER(city) LIKE ? ESCAPE '\\' "
                        + "OR LOWER(address) LIKE ? ESCAPE '\\' ORDER BY id LIMIT ?")
                .params(like, like, max)
                .query(JdbcBranches::branch)
                .list();
    }

    public Optional<Branch> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM branches WHERE id = ?")
                .param(id)
                .query(JdbcBranches::branch)
                .optional();
    }

    public int count() {
        return jdbc.sql("SELECT COUNT(*) FROM branches").query(Integer.class).single();
    }

    private static Branch branch(ResultSet rs, int row) throws SQLException {
        return new Branch(
                rs.getString("id"),
                rs.getString("name"),
                rs.getString("address"),
                rs.getString("city"),
                rs.getDouble("lat"),
                rs.getDouble("lon"),
                rs.getString("hours"),
                rs.getBoolean("atm_only"));
    }
}
