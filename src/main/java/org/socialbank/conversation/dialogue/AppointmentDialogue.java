package org.socialbank.conversation.dialogue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.socialbank.alerts.PublicNetworks;
import org.socialbank.branches.Appointment;
import org.socialbank.branches.AppointmentId;
import org.socialbank.branches.AppointmentStatus;
import org.socialbank.branches.BookingRefusal;
import org.socialbank.branches.BookingResult;
import org.socialbank.branches.Branch;
import org.socialbank.branches.BranchSchedule;
import org.socialbank.branches.Slot;
import org.socialbank.conversation.Outbound;
import org.socialbank.conversation.dialogue.AppointmentWords.Part;
import org.socialbank.conversation.dialogue.AppointmentWords.Wish;
import org.socialbank.conversation.dialogue.Dialogue.Step;
import org.socialbank.directory.CustomerId;
import org.socialbank.shared.Language;
import org.socialbank.shared.Uuids;

/**
 * Branch appointments in chat (issue 16 section 5): "book an appointment at the Paris branch
 * tomorrow morning for a mortgage" offers that day's free times as buttons (or the next day that
 * has some), a press books the place and answers with the booking code; a reminder's Cancel and
 * Reschedule buttons land here too. Private: linked chats only, never on a public network.
 */
final class AppointmentDialogue {

    static final String BOOK = "appointment.book:";
    static final String MOVE = "appointment.move:";
    /** Other branches named at most when the city has several. */
    static final int BRANCHES_SHOWN = 6;
    /** The most free times offered at once (a chat shows a short row of buttons). */
    static final int SLOTS_SHOWN = 6;
    /** How many days from the asked one are searched for a free time. */
    static final int DAYS_SEARCHED = 7;
    /** Words of one text looked up as a place when no known city is named (one LIKE scan each). */
    static final int PLACE_WORDS_MAX = 8;

    private final Texts texts;

    AppointmentDialogue(Texts texts) {
        this.texts = texts;
    }

    static boolean handles(String action) {
        return action.startsWith("appointment.");
    }

    /** Whether a request for an appointment in this chat gets the neutral answer (a public network). */
    static boolean publicHere(Turn turn) {
        return PublicNetworks.isPublic(turn.channel());
    }

    Step publicAnswer(Turn turn, Language language) {
        return say(turn, language, "appointments.chat.public");
    }

    /**
     * A text asking for an appointment, in a linked private chat. A branch the text names (by a
     * word of its name) is taken; several in the city asked for and none named: the first, and the
     * others are named so that the customer can choose one by name.
     */
    Step start(Turn turn, Language language, String text) {
        Wish wish = AppointmentWords.read(text);
        List<Branch> branches = branches(turn.bank(), wish, text);
        if (branches.isEmpty()) {
            return say(turn, language, "appointments.chat.which_branch");
        }
        Optional<Branch> named = named(branches, text);
        Branch chosen = named.orElse(branches.get(0));
        Step offered = slotsAt(
                turn,
                language,
                chosen,
                wish.service().orElse(null),
                wish.part(),
                wish.namesDay(),
                wish.firstDay(turn.bank()
                        .now()
                        .atZone(turn.bank()
                                .branchSchedule(chosen.id())
                                .orElseThrow()
                                .zone())
                        .toLocalDate()));
        List<String> others = branches.stream()
                .filter(b -> !b.equals(chosen))
                .map(Branch::name)
                .limit(BRANCHES_SHOWN)
                .toList();
        if (named.isPresent() || others.isEmpty() || !(offered.replies().get(0) instanceof Outbound.Buttons b)) {
            return offered;
        }
        // several branches there and none named: the others are named, to be chosen by name
        return new Step(
                offered.state(),
                List.of(new Outbound.Buttons(
                        b.text() + "\n"
                                + texts.text(language, "appointments.chat.other_branches", String.join(", ", others)),
                        b.buttons())),
                language);
    }

    /** The free times of a branch from the first day asked for, as buttons. */
    private Step slotsAt(
            Turn turn, Language language, Branch branch, String service, Part part, boolean dayNamed, LocalDate first) {
        Optional<Branch> chosen = Optional.of(branch);
        BranchSchedule schedule = turn.bank().branchSchedule(branch.id()).orElseThrow();
        return slotsAt(turn, language, chosen, schedule, service, part, dayNamed, first);
    }

    private Step slotsAt(
            Turn turn,
            Language language,
            Optional<Branch> branch,
            BranchSchedule schedule,
            String service,
            Part part,
            boolean dayNamed,
            LocalDate first) {
        if (service != null && !schedule.offers(service)) {
            return say(
                    turn,
                    language,
                    "appointments.chat.service_not_offered",
                    branch.get().name(),
                    serviceLabel(language, service));
        }
        Function<Slot, String> action = slot ->
                BOOK + branch.get().id() + "|" + slot.start().toEpochSecond() + "|" + (service == null ? "" : service);
        return offer(
                turn,
                language,
                branch.get(),
                first,
                part,
                dayNamed,
                action,
                day -> texts.text(
                        language,
                        "appointments.chat.choose",
                        branch.get().name(),
                        serviceLabel(language, service),
                        day));
    }

    /** "My appointments": the coming ones, each with a Cancel button. */
    Step list(Turn turn, Language language, CustomerId customer) {
        List<Appointment> coming = turn.bank().appointments(customer);
        if (coming.isEmpty()) {
            return say(turn, language, "appointments.chat.list_none");
        }
        StringBuilder text = new StringBuilder(texts.text(language, "appointments.chat.list_title"));
        List<Outbound.Button> buttons = new ArrayList<>();
        for (Appointment a : coming.subList(0, Math.min(coming.size(), SLOTS_SHOWN))) {
            text.append('\n')
                    .append(texts.text(
                            language,
                            "appointments.chat.list_line",
                            when(turn, language, a.start()),
                            branchName(turn, a),
                            serviceLabel(language, a.service()),
                            a.code()));
            buttons.add(new Outbound.Button(
                    texts.text(language, "appointments.chat.cancel_button", a.code()),
                    turn.bank()
                            .button(
                                    Bank.CANCEL_APPOINTMENT + a.id().value(),
                                    turn.state().formVersion())));
        }
        return new Step(turn.state(), List.of(new Outbound.Buttons(text.toString(), buttons)), language);
    }

    /**
     * "Cancel my appointment" cancels the only coming one, or asks which when there are several;
     * "cancel K7M3PX" cancels the customer's appointment with that code.
     */
    Step cancelByText(Turn turn, Language language, CustomerId customer, Optional<String> code) {
        if (code.isPresent()) {
            Optional<Appointment> named = turn.bank().appointmentByCode(customer, code.get());
            return named.isEmpty()
                    ? say(turn, language, "appointments.chat.code_unknown", code.get())
                    : cancel(turn, language, customer, Optional.of(named.get().id()));
        }
        List<Appointment> coming = turn.bank().appointments(customer);
        if (coming.isEmpty()) {
            return say(turn, language, "appointments.chat.list_none");
        }
        if (coming.size() == 1) {
            return cancel(turn, language, customer, Optional.of(coming.get(0).id()));
        }
        Step listed = list(turn, language, customer);
        Outbound.Buttons buttons = (Outbound.Buttons) listed.replies().get(0);
        return new Step(
                turn.state(),
                List.of(new Outbound.Buttons(
                        texts.text(language, "appointments.chat.cancel_which") + "\n" + buttons.text(),
                        buttons.buttons())),
                language);
    }

    /** A press of an offered time, or of a reminder's Cancel or Reschedule. */
    Step press(Turn turn, Language language, String action) {
        CustomerId customer = turn.linked().orElseThrow().customerId();

        if (action.startsWith(BOOK)) {
            String[] parts = action.substring(BOOK.length()).split("\\|", -1);
            return book(
                    turn, language, customer, parts[0], Long.parseLong(parts[1]), parts[2].isEmpty() ? null : parts[2]);
        }
        if (action.startsWith(Bank.CANCEL_APPOINTMENT)) {
            return cancel(turn, language, customer, id(action.substring(Bank.CANCEL_APPOINTMENT.length())));
        }
        if (action.startsWith(Bank.RESCHEDULE_APPOINTMENT)) {
            return offerMove(turn, language, customer, id(action.substring(Bank.RESCHEDULE_APPOINTMENT.length())));
        }
        if (action.startsWith(MOVE)) {
            String[] parts = action.substring(MOVE.length()).split("\\|", -1);
            return move(turn, language, customer, id(parts[0]), Long.parseLong(parts[1]));
        }
        return say(turn, language, "conversation.pay.stale");
    }

    private Step book(
            Turn turn, Language language, CustomerId customer, String branchId, long epochSecond, String service) {
        Optional<BranchSchedule> schedule = turn.bank().branchSchedule(branchId);
        Optional<Branch> branch = turn.bank().branch(branchId);
        if (schedule.isEmpty() || branch.isEmpty()) {
            return say(turn, language, "appointments.chat.refused");
        }
        OffsetDateTime start =
                Instant.ofEpochSecond(epochSecond).atZone(schedule.get().zone()).toOffsetDateTime();
        BookingResult result = turn.bank().bookAppointment(customer, branchId, start, service);
        if (result instanceof BookingResult.Done done) {
            return say(
                    turn,
                    language,
                    "appointments.chat.booked",
                    when(turn, language, done.appointment().start()),
                    branch.get().name(),
                    branch.get().address(),
                    serviceLabel(language, service),
                    done.appointment().code());
        }
        if (((BookingResult.Refused) result).refusal() == BookingRefusal.SLOT_FULL) {
            Function<Slot, String> again = slot ->
                    BOOK + branchId + "|" + slot.start().toEpochSecond() + "|" + (service == null ? "" : service);
            return offer(
                    turn,
                    language,
                    branch.get(),
                    start.toLocalDate(),
                    Part.ANY,
                    false,
                    again,
                    day -> texts.text(language, "appointments.chat.slot_full", day));
        }
        return say(turn, language, "appointments.chat.refused");
    }

    private Step cancel(Turn turn, Language language, CustomerId customer, Optional<AppointmentId> id) {
        Optional<Appointment> before = id.flatMap(i -> turn.bank().appointment(customer, i));
        if (before.isEmpty()) {
            return say(turn, language, "appointments.chat.not_found");
        }
        if (before.get().status() == AppointmentStatus.CANCELLED) {
            return say(turn, language, "appointments.chat.already_cancelled");
        }
        BookingResult result = turn.bank().cancelAppointment(customer, id.get());
        if (result instanceof BookingResult.Done) {
            return say(
                    turn,
                    language,
                    "appointments.chat.cancelled",
                    branchName(turn, before.get()),
                    when(turn, language, before.get().start()));
        }
        return say(turn, language, "appointments.chat.refused");
    }

    private Step offerMove(Turn turn, Language language, CustomerId customer, Optional<AppointmentId> id) {
        Optional<Appointment> appointment = id.flatMap(i -> turn.bank().appointment(customer, i));
        if (appointment.isEmpty()) {
            return say(turn, language, "appointments.chat.not_found");
        }
        if (appointment.get().status() == AppointmentStatus.CANCELLED) {
            return say(turn, language, "appointments.chat.already_cancelled");
        }
        Optional<Branch> branch = turn.bank().branch(appointment.get().branchId());
        Optional<BranchSchedule> schedule =
                turn.bank().branchSchedule(appointment.get().branchId());
        if (branch.isEmpty() || schedule.isEmpty()) {
            return say(turn, language, "appointments.chat.refused");
        }
        LocalDate today = turn.bank().now().atZone(schedule.get().zone()).toLocalDate();
        Function<Slot, String> action =
                slot -> MOVE + id.get().value() + "|" + slot.start().toEpochSecond();
        return offer(
                turn,
                language,
                branch.get(),
                today,
                Part.ANY,
                false,
                action,
                day -> texts.text(
                        language,
                        "appointments.chat.reschedule_choose",
                        branch.get().name(),
                        day));
    }

    private Step move(Turn turn, Language language, CustomerId customer, Optional<AppointmentId> id, long epochSecond) {
        Optional<Appointment> before = id.flatMap(i -> turn.bank().appointment(customer, i));
        Optional<BranchSchedule> schedule = before.flatMap(a -> turn.bank().branchSchedule(a.branchId()));
        if (before.isEmpty() || schedule.isEmpty()) {
            return say(turn, language, "appointments.chat.not_found");
        }
        OffsetDateTime start =
                Instant.ofEpochSecond(epochSecond).atZone(schedule.get().zone()).toOffsetDateTime();
        BookingResult result = turn.bank().rescheduleAppointment(customer, id.get(), start);
        if (result instanceof BookingResult.Done done) {
            return say(
                    turn,
                    language,
                    "appointments.chat.rescheduled",
                    when(turn, language, done.appointment().start()),
                    branchName(turn, done.appointment()),
                    done.appointment().code());
        }
        BookingRefusal refusal = ((BookingResult.Refused) result).refusal();
        return say(
                turn,
                language,
                refusal == BookingRefusal.APPOINTMENT_CANCELLED
                        ? "appointments.chat.already_cancelled"
                        : "appointments.chat.refused");
    }

    /**
     * The free times of the first day from {@code first} that has some in the part of the day
     * asked for, as buttons; when that is not the day asked for, the text says so.
     */
    private Step offer(
            Turn turn,
            Language language,
            Branch branch,
            LocalDate first,
            Part part,
            boolean dayNamed,
            Function<Slot, String> action,
            Function<String, String> heading) {
        for (int i = 0; i < DAYS_SEARCHED; i++) {
            LocalDate day = first.plusDays(i);
            List<Slot> free = turn.bank().slots(branch.id(), day).stream()
                    .filter(s -> s.capacityLeft() > 0 && part.holds(s.start().toLocalTime()))
                    .limit(SLOTS_SHOWN)
                    .toList();
            if (free.isEmpty()) {
                continue;
            }
            String date = turn.time(language).date(free.get(0).start().toInstant());
            String text = heading.apply(date);
            if (i > 0 && dayNamed) {
                String asked = turn.time(language)
                        .date(first.atTime(java.time.LocalTime.NOON)
                                .atOffset(free.get(0).start().getOffset())
                                .toInstant());
                text = texts.text(language, "appointments.chat.asked_day_full", asked) + "\n" + text;
            }
            List<Outbound.Button> buttons = new ArrayList<>();
            for (Slot slot : free) {
                buttons.add(new Outbound.Button(
                        turn.time(language).time(slot.start().toInstant()),
                        turn.bank().button(action.apply(slot), turn.state().formVersion())));
            }
            return new Step(turn.state(), List.of(new Outbound.Buttons(text, buttons)), language);
        }
        return say(turn, language, "appointments.chat.none", branch.name());
    }

    /** The candidate that a word of the text names (a word of its name not naming its city), if exactly one. */
    private static Optional<Branch> named(List<Branch> branches, String text) {
        String asked = fold(text);
        List<Branch> named = branches.stream()
                .filter(b -> java.util.Arrays.stream(fold(b.name()).split("[\\s\\-]+"))
                        .filter(w -> w.codePointCount(0, w.length()) >= 4
                                && !fold(b.city()).contains(w))
                        .anyMatch(asked::contains))
                .toList();
        return named.size() == 1 ? Optional.of(named.get(0)) : Optional.empty();
    }

    private static String fold(String text) {
        return java.text.Normalizer.normalize(
                        text == null ? "" : text.toLowerCase(java.util.Locale.ROOT), java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "");
    }

    /**
     * The branches the text asks for: in a city the bank knows by name in any of its languages, else
     * in a place one of the text's words names; those that take appointments and offer the service
     * (when one is asked for), else the first that takes appointments.
     */
    private static List<Branch> branches(Bank bank, Wish wish, String text) {
        Set<Branch> candidates = new LinkedHashSet<>();
        wish.city()
                .ifPresent(
                        city -> candidates.addAll(bank.branchesIn(city, org.socialbank.branches.Branches.LIMIT_MAX)));
        if (candidates.isEmpty()) {
            int looked = 0;
            for (String word : text.split("[\\s,.!?،؟。，！？]+")) {
                if (word.codePointCount(0, word.length()) >= 4 && looked++ < PLACE_WORDS_MAX) {
                    candidates.addAll(bank.branchesIn(word, org.socialbank.branches.Branches.LIMIT_MAX));
                }
            }
        }
        List<Branch> booking = candidates.stream()
                .filter(b -> !b.atmOnly())
                .filter(b -> bank.branchSchedule(b.id())
                        .filter(s -> wish.service().map(s::offers).orElse(true))
                        .isPresent())
                .toList();
        return booking.isEmpty()
                ? candidates.stream()
                        .filter(b -> bank.branchSchedule(b.id()).isPresent())
                        .limit(1)
                        .toList()
                : booking;
    }

    private String branchName(Turn turn, Appointment appointment) {
        return turn.bank().branch(appointment.branchId()).map(Branch::name).orElse(appointment.branchId());
    }

    /** The appointment's day and time in the customer's zone (issue 13: her setting, else her language's). */
    private static String when(Turn turn, Language language, Instant start) {
        return turn.time(language).dateTime(start);
    }

    private String serviceLabel(Language language, String service) {
        return texts.text(language, service == null ? "appointments.service.any" : "appointments.service." + service);
    }

    private static Optional<AppointmentId> id(String text) {
        return Uuids.parse(text).map(AppointmentId::new);
    }

    private Step say(Turn turn, Language language, String key, Object... args) {
        return new Step(turn.state(), List.of(new Outbound.Text(texts.text(language, key, args))), language);
    }

    static List<String> messageKeys() {
        List<String> keys = new ArrayList<>(List.of(
                "appointments.chat.public",
                "appointments.chat.which_branch",
                "appointments.chat.service_not_offered",
                "appointments.chat.choose",
                "appointments.chat.booked",
                "appointments.chat.slot_full",
                "appointments.chat.refused",
                "appointments.chat.not_found",
                "appointments.chat.already_cancelled",
                "appointments.chat.cancelled",
                "appointments.chat.reschedule_choose",
                "appointments.chat.rescheduled",
                "appointments.chat.none",
                "appointments.chat.asked_day_full",
                "appointments.service.any",
                "appointments.reminder",
                "appointments.reminder.cancel_button",
                "appointments.reminder.reschedule_button",
                "appointments.chat.other_branches",
                "appointments.chat.list_none",
                "appointments.chat.list_title",
                "appointments.chat.list_line",
                "appointments.chat.cancel_button",
                "appointments.chat.code_unknown",
                "appointments.chat.cancel_which"));
        for (String service : List.of("mortgage", "account_opening", "cards", "cash", "consultation")) {
            keys.add("appointments.service." + service);
        }
        return keys;
    }
}
