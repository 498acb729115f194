package org.socialbank.demo;

import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.socialbank.branches.Appointments;
import org.socialbank.branches.Branch;
import org.socialbank.branches.BranchSchedule;
import org.socialbank.branches.Branches;
import org.socialbank.branches.OpeningHours;
import org.socialbank.shared.DemoMode;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/** The demo bank's branches and ATMs: one or two in each of its customers' cities. */
final class DemoBranches {

    static final List<Branch> ALL = List.of(
            new Branch(
                    "PAR-01",
                    "socialbank Paris Opéra",
                    "12 boulevard des Capucines, 75009 Paris",
                    "Paris",
                    48.8707,
                    2.3316,
                    "Mon–Fri 9:00–17:30, Sat 9:00–12:30",
                    false),
            new Branch(
                    "PAR-02",
                    "socialbank Paris Bastille",
                    "4 rue de la Roquette, 75011 Paris",
                    "Paris",
                    48.8535,
                    2.3720,
                    "Mon–Fri 9:30–18:00",
                    false),
            new Branch(
                    "PAR-ATM-01",
                    "ATM Gare de Lyon",
                    "Place Louis-Armand, 75012 Paris",
                    "Paris",
                    48.8443,
                    2.3743,
                    "",
                    true),
            new Branch(
                    "BOM-01",
                    "socialbank Mumbai Nariman Point",
                    "Free Press Journal Marg, Nariman Point, " + "Mumbai 400021",
                    "Mumbai",
                    18.9256,
                    72.8242,
                    "Mon–Sat 10:00–16:00",
                    false),
            new Branch(
                    "MOW-01",
                    "socialbank Москва Тверская",
                    "ул. Тверская, 7, Москва",
                    "Moscow",
                    55.7579,
                    37.6136,
                    "Пн–Пт 9:00–19:00",
                    false),
            new Branch(
                    "THR-01",
                    "socialbank تهران ولیعصر",
                    "خیابان ولیعصر، تهران",
                    "Tehran",
                    35.7575,
                    51.4100,
                    "شنبه تا چهارشنبه ۸:۰۰ تا ۱۴:۰۰",
                    false),
            new Branch(
                    "SHA-01",
                    "socialbank 上海外滩",
                    "上海市黄浦区中山东一路20号",
                    "Shanghai",
                    31.2400,
                    121.4900,
                    "周一至周五 9:00–17:00",
                    false));

    /** The services every demo branch books. */
    static final Set<String> SERVICES = Set.of("mortgage", "account_opening", "cards", "cash", "consultation");

    private static final List<DayOfWeek> MON_FRI =
            List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);

    /** What each branch (not the ATMs) books: the hours its {@link Branch#hours()} text says, 30-minute slots. */
    static final List<BranchSchedule> SCHEDULES = List.of(
            schedule(
                    "PAR-01",
                    "Europe/Paris",
                    3,
                    hours(MON_FRI, "09:00", "17:30"),
                    Map.of(DayOfWeek.SATURDAY, OpeningHours.of("09:00", "12:30"))),
            schedule("PAR-02", "Europe/Paris", 2, hours(MON_FRI, "09:30", "18:00"), Map.of()),
            schedule(
                    "BOM-01",
                    "Asia/Kolkata",
                    2,
                    hours(MON_FRI, "10:00", "16:00"),
                    Map.of(DayOfWeek.SATURDAY, OpeningHours.of("10:00", "16:00"))),
            schedule("MOW-01", "Europe/Moscow", 2, hours(MON_FRI, "09:00", "19:00"), Map.of()),
            schedule(
                    "THR-01",
                    "Asia/Tehran",
                    2,
                    hours(
                            List.of(
                                    DayOfWeek.SATURDAY,
                                    DayOfWeek.SUNDAY,
                                    DayOfWeek.MONDAY,
                                    DayOfWeek.TUESDAY,
                                    DayOfWeek.WEDNESDAY),
                            "08:00",
                            "14:00"),
                    Map.of()),
            schedule("SHA-01", "Asia/Shanghai", 2, hours(MON_FRI, "09:00", "17:00"), Map.of()));

    private DemoBranches() {}

    private static Map<DayOfWeek, OpeningHours> hours(List<DayOfWeek> days, String opens, String closes) {
        Map<DayOfWeek, OpeningHours> hours = new EnumMap<>(DayOfWeek.class);
        days.forEach(day -> hours.put(day, OpeningHours.of(opens, closes)));
        return hours;
    }

    private static BranchSchedule schedule(
            String id,
            String zone,
            int capacity,
            Map<DayOfWeek, OpeningHours> weekdays,
            Map<DayOfWeek, OpeningHours> more) {
        Map<DayOfWeek, OpeningHours> hours = new EnumMap<>(weekdays);
        hours.putAll(more);
        return new BranchSchedule(id, ZoneId.of(zone), SERVICES, hours, 30, capacity);
    }

    /**
     * Gives the demo branches their schedules, after saving the branches themselves (an upsert, as
     * {@link SeedDemoBank} does), so that the order of the two seeders does not matter.
     */
    @Component
    static class SeedSchedules implements ApplicationRunner {

        private final Branches branches;
        private final Appointments appointments;
        private final DemoMode demo;

        SeedSchedules(Branches branches, Appointments appointments, DemoMode demo) {
            this.branches = branches;
            this.appointments = appointments;
            this.demo = demo;
        }

        @Override
        public void run(ApplicationArguments args) {
            if (!demo.enabled()) {
                return;
            }
            ALL.forEach(branches::save);
            SCHEDULES.forEach(appointments::saveSchedule);
        }
    }
}
