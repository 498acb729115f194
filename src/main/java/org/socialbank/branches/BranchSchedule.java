package org.socialbank.branches;

import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a branch offers by appointment: the services it books, its opening hours per day of the
 * week in its own zone (a day not listed is closed), and its slots' length and how many customers
 * one slot takes (the counters at the branch).
 */
public record BranchSchedule(
        String branchId,
        ZoneId zone,
        Set<String> services,
        Map<DayOfWeek, OpeningHours> hours,
        int slotMinutes,
        int slotCapacity) {

    public static final int SLOT_MINUTES_MIN = 5;
    public static final int SLOT_MINUTES_MAX = 240;
    public static final int SLOT_CAPACITY_MAX = 100;
    public static final int SERVICES_MAX = 20;

    public BranchSchedule {
        if (branchId == null || branchId.isBlank() || branchId.length() > 32) {
            throw new IllegalArgumentException("branchId is 1 to 32 characters");
        }
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(services, "services");
        Objects.requireNonNull(hours, "hours");
        if (services.size() > SERVICES_MAX || !services.stream().allMatch(BranchSchedule::isServiceCode)) {
            throw new IllegalArgumentException("services: at most " + SERVICES_MAX + " codes of a-z and _");
        }
        if (slotMinutes < SLOT_MINUTES_MIN || slotMinutes > SLOT_MINUTES_MAX) {
            throw new IllegalArgumentException("slotMinutes is " + SLOT_MINUTES_MIN + " to " + SLOT_MINUTES_MAX);
        }
        if (slotCapacity < 1 || slotCapacity > SLOT_CAPACITY_MAX) {
            throw new IllegalArgumentException("slotCapacity is 1 to " + SLOT_CAPACITY_MAX);
        }
        services = Set.copyOf(new TreeSet<>(services));
        hours = hours.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(hours));
    }

    /** A service code: {@code mortgage}, {@code account_opening}, ... */
    public static boolean isServiceCode(String code) {
        return code != null && code.matches("[a-z][a-z_]{0,31}");
    }

    public Optional<OpeningHours> on(DayOfWeek day) {
        return Optional.ofNullable(hours.get(day));
    }

    public boolean offers(String service) {
        return services.contains(service);
    }
}
