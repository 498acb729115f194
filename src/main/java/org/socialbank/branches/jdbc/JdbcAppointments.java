package org.socialbank.branches.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.socialbank.branches.Appointment;
import org.socialbank.branches.AppointmentId;
import org.socialbank.branches.AppointmentStatus;
import org.socialbank.directory.CustomerId;
import org.socialbank.shared.jdbc.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Appointments and the slot counters. A place is taken by one guarded UPDATE of the slot's
 * counter ({@code booked < capacity}): the row lock makes concurrent bookers of the last place
 * queue, and each re-reads the count before it adds one, on H2 and PostgreSQL alike.
 */
@Repository
public class JdbcAppointments {

    private static final String COLUMNS = "id, customer_id, branch_id, slot_start, service, code, status, channel, "
            + "created_at, updated_at, reminded_at";

    private final JdbcClient jdbc;

    JdbcAppointments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether the slot has a counter row; one is created, empty, before its first booking. */
    public boolean counterExists(String branchId, Instant start) {
        return jdbc.sql("SELECT COUNT(*) FROM slot_counters WHERE branch_id = ? AND slot_start = ?")
                        .params(branchId, Timestamps.utc(start))
                        .query(Integer.class)
                        .single()
                > 0;
    }

    /** Inserts the empty counter; a concurrent creator makes this throw DuplicateKeyException. */
    public void insertCounter(String branchId, Instant start, int capacity) {
        jdbc.sql("INSERT INTO slot_counters (branch_id, slot_start, capacity, booked) VALUES (?, ?, ?, 0)")
                .params(branchId, Timestamps.utc(start), capacity)
                .update();
    }

    /** Takes one place if one is left: true when it did. */
    public boolean takePlace(String branchId, Instant start) {
        return jdbc.sql("UPDATE slot_counters SET booked = booked + 1 WHERE branch_id = ? AND slot_start = ? "
                                + "AND booked < capacity")
                        .params(branchId, Timestamps.utc(start))
                        .update()
                == 1;
    }

    public void givePlaceBack(String branchId, Instant start) {
        jdbc.sql("UPDATE slot_counters SET booked = booked - 1 WHERE branch_id = ? AND slot_start = ? AND booked > 0")
                .params(branchId, Timestamps.utc(start))
                .update();
    }

    /** Places booked per slot start of the branch in [from, to). */
    public Map<Instant, Integer> booked(String branchId, Instant from, Instant to) {
        return jdbc
                .sql("SELECT slot_start, booked FROM slot_counters WHERE branch_id = ? AND slot_start >= ? "
                        + "AND slot_start < ?")
                .params(branchId, Timestamps.utc(from), Timestamps.utc(to))
                .query((rs, n) -> Map.entry(Timestamps.instant(rs, 1), rs.getInt(2)))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    public void insert(Appointment a, String fingerprint) {
        jdbc.sql("INSERT INTO appointments (" + COLUMNS + ", fingerprint) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        a.id().value(),
                        a.customerId().value(),
                        a.branchId(),
                        Timestamps.utc(a.start()),
                        a.service(),
                        a.code(),
                        a.status().wireName(),
                        a.channel(),
                        Timestamps.utc(a.createdAt()),
                        Timestamps.utc(a.updatedAt()),
                        Timestamps.utc(a.remindedAt()),
                        fingerprint)
                .update();
    }

    public Optional<Appointment> find(AppointmentId id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM appointments WHERE id = ?")
                .param(id.value())
                .query(JdbcAppointments::appointment)
                .optional();
    }

    public Optional<String> fingerprint(AppointmentId id) {
        return jdbc.sql("SELECT fingerprint FROM appointments WHERE id = ?")
                .param(id.value())
                .query(String.class)
                .optional();
    }

    public Optional<Appointment> findByCode(String code) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM appointments WHERE code = ?")
                .param(code)
                .query(JdbcAppointments::appointment)
                .optional();
    }

    /**
     * The appointment, its row locked for this transaction: a change another transaction has not
     * committed is waited for, and what this answers is the row as that one left it.
     */
    public Optional<Appointment> lock(AppointmentId id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM appointments WHERE id = ? FOR UPDATE")
                .param(id.value())
                .query(JdbcAppointments::appointment)
                .optional();
    }

    /** Cancels a booked appointment: true when this call did. */
    public boolean cancel(AppointmentId id, Instant now) {
        return jdbc.sql(
                                "UPDATE appointments SET status = 'cancelled', updated_at = ? WHERE id = ? AND status = 'booked'")
                        .params(Timestamps.utc(now), id.value())
                        .update()
                == 1;
    }

    public void move(AppointmentId id, Instant start, Instant remindedAt, Instant now) {
        jdbc.sql("UPDATE appointments SET slot_start = ?, reminded_at = ?, updated_at = ? WHERE id = ?")
                .params(Timestamps.utc(start), Timestamps.utc(remindedAt), Timestamps.utc(now), id.value())
                .update();
    }

    /** Booked appointments not yet reminded whose start is in (from, to], soonest first. */
    public List<Appointment> unreminded(Instant from, Instant to, int max) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM appointments WHERE status = 'booked' AND reminded_at IS NULL "
                        + "AND slot_start > ? AND slot_start <= ? ORDER BY slot_start, id LIMIT ?")
                .params(Timestamps.utc(from), Timestamps.utc(to), max)
                .query(JdbcAppointments::appointment)
                .list();
    }

    /** Marks the reminder sent unless another round (or node) did: true when this call did. */
    public boolean markReminded(AppointmentId id, Instant start, Instant now) {
        return jdbc.sql("UPDATE appointments SET reminded_at = ? WHERE id = ? AND reminded_at IS NULL "
                                + "AND status = 'booked' AND slot_start = ?")
                        .params(Timestamps.utc(now), id.value(), Timestamps.utc(start))
                        .update()
                == 1;
    }

    /** The customer's booked appointments starting after {@code from}, soonest first. */
    public List<Appointment> upcoming(CustomerId customer, Instant from, int max) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM appointments WHERE customer_id = ? AND status = 'booked' "
                        + "AND slot_start > ? ORDER BY slot_start, id LIMIT ?")
                .params(customer.value(), Timestamps.utc(from), max)
                .query(JdbcAppointments::appointment)
                .list();
    }

    private static Appointment appointment(ResultSet rs, int row) throws SQLException {
        return new Appointment(
                new AppointmentId(rs.getObject("id", UUID.class)),
                new CustomerId(rs.getObject("customer_id", UUID.class)),
                rs.getString("branch_id"),
                Timestamps.instant(rs, "slot_start"),
                rs.getString("service"),
                rs.getString("code"),
                AppointmentStatus.valueOf(rs.getString("status").toUpperCase(java.util.Locale.ROOT)),
                rs.getString("channel"),
                Timestamps.instant(rs, "created_at"),
                Timestamps.instant(rs, "updated_at"),
                Timestamps.instant(rs, "reminded_at"));
    }
}
