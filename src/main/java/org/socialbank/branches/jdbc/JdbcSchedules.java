package org.socialbank.branches.jdbc;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.socialbank.branches.BranchSchedule;
import org.socialbank.branches.OpeningHours;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Branch schedules: the zone and slot settings, the services, and one row of hours per open day. */
@Repository
public class JdbcSchedules {

    private final JdbcClient jdbc;

    JdbcSchedules(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Replaces the branch's schedule as a whole. */
    @Transactional
    public void save(BranchSchedule s) {
        int updated = jdbc.sql("UPDATE branch_schedules SET zone = ?, slot_minutes = ?, slot_capacity = ? "
                        + "WHERE branch_id = ?")
                .params(s.zone().getId(), s.slotMinutes(), s.slotCapacity(), s.branchId())
                .update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO branch_schedules (branch_id, zone, slot_minutes, slot_capacity) VALUES (?, ?, ?, ?)")
                    .params(s.branchId(), s.zone().getId(), s.slotMinutes(), s.slotCapacity())
                    .update();
        }
        jdbc.sql("DELETE FROM branch_services WHERE branch_id = ?")
                .param(s.branchId())
                .update();
        jdbc.sql("DELETE FROM branch_hours WHERE branch_id = ?")
                .param(s.branchId())
                .update();
        for (String service : s.services()) {
            jdbc.sql("INSERT INTO branch_services (branch_id, service) VALUES (?, ?)")
                    .params(s.branchId(), service)
                    .update();
        }
        s.hours()
                .forEach((day, hours) -> jdbc.sql("INSERT INTO branch_hours (branch_id, day_of_week, opens, closes) "
                                + "VALUES (?, ?, ?, ?)")
                        .params(s.branchId(), day.getValue(), hours.opens(), hours.closes())
                        .update());
    }

    public Optional<BranchSchedule> find(String branchId) {
        Optional<Row> row = jdbc.sql(
                        "SELECT zone, slot_minutes, slot_capacity FROM branch_schedules WHERE branch_id = ?")
                .param(branchId)
                .query((rs, n) -> new Row(rs.getString(1), rs.getInt(2), rs.getInt(3)))
                .optional();
        if (row.isEmpty()) {
            return Optional.empty();
        }
        Set<String> services = new HashSet<>(jdbc.sql("SELECT service FROM branch_services WHERE branch_id = ?")
                .param(branchId)
                .query(String.class)
                .list());
        Map<DayOfWeek, OpeningHours> hours = new EnumMap<>(DayOfWeek.class);
        jdbc.sql("SELECT day_of_week, opens, closes FROM branch_hours WHERE branch_id = ?")
                .param(branchId)
                .query((rs, n) -> hours.put(
                        DayOfWeek.of(rs.getInt(1)),
                        new OpeningHours(rs.getObject(2, LocalTime.class), rs.getObject(3, LocalTime.class))))
                .list();
        return Optional.of(new BranchSchedule(
                branchId,
                ZoneId.of(row.get().zone()),
                services,
                hours,
                row.get().slotMinutes(),
                row.get().slotCapacity()));
    }

    /** The ids of the branches that have a schedule. */
    public List<String> branchIds(int max) {
        return jdbc.sql("SELECT branch_id FROM branch_schedules ORDER BY branch_id LIMIT ?")
                .param(max)
                .query(String.class)
                .list();
    }

    private record Row(String zone, int slotMinutes, int slotCapacity) {}
}
