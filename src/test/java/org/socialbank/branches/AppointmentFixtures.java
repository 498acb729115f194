package org.socialbank.branches;

import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.socialbank.directory.CustomerId;
import org.socialbank.directory.Directory;
import org.socialbank.shared.Language;
import org.socialbank.support.Customers;

/** Customers and branches for appointment tests: a fresh branch per test, so tests sharing a context never meet. */
final class AppointmentFixtures {

    private final Directory directory;
    private final Branches branches;
    private final Appointments appointments;

    AppointmentFixtures(Directory directory, Branches branches, Appointments appointments) {
        this.directory = directory;
        this.branches = branches;
        this.appointments = appointments;
    }

    CustomerId customer(String name, Language language) {
        return new Customers(directory, null)
                .named(name)
                .speaking(language)
                .phoneIn("+3362")
                .create()
                .id();
    }

    /** A Paris branch open Monday to Friday 9:00-17:30 with 30-minute slots of {@code capacity} places. */
    String parisBranch(int capacity) {
        String id = "T-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT);
        branches.save(new Branch(
                id,
                "socialbank Test " + id,
                "1 rue du Test, 75001 Paris",
                "Paris",
                48.86,
                2.34,
                "Mon–Fri 9:00–17:30",
                false));
        Map<DayOfWeek, OpeningHours> hours = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : List.of(
                DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)) {
            hours.put(day, OpeningHours.of("09:00", "17:30"));
        }
        appointments.saveSchedule(new BranchSchedule(
                id, ZoneId.of("Europe/Paris"), Set.of("mortgage", "cards", "cash"), hours, 30, capacity));
        return id;
    }

    static String booking(UUID id, CustomerId customer, String branch, String start, String service) {
        return "{\"id\":\"" + id + "\",\"customerId\":\"" + customer.value() + "\",\"branchId\":\"" + branch
                + "\",\"start\":\"" + start + "\"" + (service == null ? "" : ",\"service\":\"" + service + "\"") + "}";
    }
}
