package org.socialbank.conversation.dialogue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.socialbank.alerts.PublicNetworks;
import org.socialbank.conversation.Outbound;
import org.socialbank.conversation.dialogue.AppointmentWords.Part;
import org.socialbank.conversation.dialogue.AppointmentWords.Wish;
import org.socialbank.conversation.dialogue.Dialogue.Step;
import org.socialbank.directory.CustomerId;
import org.socialbank.directory.Language;
import org.socialbank.services.Appointment;
import org.socialbank.services.AppointmentId;
import org.socialbank.services.AppointmentStatus;
import org.socialbank.services.BookingRefusal;
import org.socialbank.services.BookingResult;
import org.socialbank.services.Branch;
import org.socialbank.services.BranchSchedule;
import org.socialbank.services.Slot;
import org.socialbank.shared.Dates;

/**
 * Branch appointments in chat (issue 16 section 5): "book an appointment at the Paris branch
 * tomorrow morning for a mortgage" offers that day's free times as buttons (or the next day that
 * has some), a press books the place and answers with the booking code; a reminder's Cancel and
 * Reschedule buttons land here too. Private: linked chats only, never on a public network.
 */
final class AppointmentDialogue {

    static final String BOOK = "appointment.book:";
    static final String MOVE = "appointment.move:";
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

    /** A text asking for an appointment, in a linked private chat. */
    Step start(Turn turn, Language language, String text) {
        Wish wish = AppointmentWords.read(text);
        Optional<Branch> branch = branch(turn.bank(), wish, text);
        if (branch.isEmpty()) {
            return say(turn, language, "appointments.chat.which_branch");
        }
        BranchSchedule schedule = turn.bank().branchSchedule(branch.get().id()).orElseThrow();
        String service = wish.service().orElse(null);
        if (service != null && !schedule.offers(service)) {
            return say(turn, language, "appointments.chat.service_not_offered", branch.get().name(),
                    serviceLabel(language, service));
        }
        LocalDate today = turn.bank().now().atZone(schedule.zone()).toLocalDate();
        LocalDate first = wish.firstDay(today);
        Function<Slot, String> action = slot -> BOOK + branch.get().id() + "|" + slot.start().toEpochSecond() + "|"
                + (service == null ? "" : service);
        return offer(turn, language, branch.get(), first, wish.part(), wish.namesDay(), action,
                day -> texts.text(language, "appointments.chat.choose", branch.get().name(),
                        serviceLabel(language, service), day));
    }

    /** A press of an offered time, or of a reminder's Cancel or Reschedule. */
    Step press(Turn turn, Language language, String action) {
        CustomerId customer = turn.linked().orElseThrow().customerId();
        if (action.startsWith(BOOK)) {
            String[] parts = action.substring(BOOK.length()).split("\\|", -1);
            return book(turn, language, customer, parts[0], Long.parseLong(parts[1]),
                    parts[2].isEmpty() ? null : parts[2]);
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

    private Step book(Turn turn, Language language, CustomerId customer, String branchId, long epochSecond,
            String service) {
        Optional<BranchSchedule> schedule = turn.bank().branchSchedule(branchId);
        Optional<Branch> branch = turn.bank().branch(branchId);
        if (schedule.isEmpty() || branch.isEmpty()) {
            return say(turn, language, "appointments.chat.refused");
        }
        OffsetDateTime start = Instant.ofEpochSecond(epochSecond).atZone(schedule.get().zone()).toOffsetDateTime();
        BookingResult result = turn.bank().bookAppointment(customer, branchId, start, service);
        if (result instanceof BookingResult.Done done) {
            return say(turn, language, "appointments.chat.booked", when(language, done.appointment().start()),
                    branch.get().name(), branch.get().address(), serviceLabel(language, service),
                    done.appointment().code());
        }
        if (((BookingResult.Refused) result).refusal() == BookingRefusal.SLOT_FULL) {
            Function<Slot, String> again = slot -> BOOK + branchId + "|" + slot.start().toEpochSecond() + "|"
                    + (service == null ? "" : service);
            return offer(turn, language, branch.get(), start.toLocalDate(), Part.ANY, false, again,
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
            return say(turn, language, "appointments.chat.cancelled", branchName(turn, before.get()),
                    when(language, before.get().start()));
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
        Optional<BranchSchedule> schedule = turn.bank().branchSchedule(appointment.get().branchId());
        if (branch.isEmpty() || schedule.isEmpty()) {
            return say(turn, language, "appointments.chat.refused");
        }
        LocalDate today = turn.bank().now().atZone(schedule.get().zone()).toLocalDate();
        Function<Slot, String> action = slot -> MOVE + id.get().value() + "|" + slot.start().toEpochSecond();
        return offer(turn, language, branch.get(), today, Part.ANY, false, action,
                day -> texts.text(language, "appointments.chat.reschedule_choose", branch.get().name(), day));
    }

    private Step move(Turn turn, Language language, CustomerId customer, Optional<AppointmentId> id, long epochSecond) {
        Optional<Appointment> before = id.flatMap(i -> turn.bank().appointment(customer, i));
        Optional<BranchSchedule> schedule = before.flatMap(a -> turn.bank().branchSchedule(a.branchId()));
        if (before.isEmpty() || schedule.isEmpty()) {
            return say(turn, language, "appointments.chat.not_found");
        }
        OffsetDateTime start = Instant.ofEpochSecond(epochSecond).atZone(schedule.get().zone()).toOffsetDateTime();
        BookingResult result = turn.bank().rescheduleAppointment(customer, id.get(), start);
        if (result instanceof BookingResult.Done done) {
            return say(turn, language, "appointments.chat.rescheduled", when(language, done.appointment().start()),
                    branchName(turn, done.appointment()), done.appointment().code());
        }
        BookingRefusal refusal = ((BookingResult.Refused) result).refusal();
        return say(turn, language, refusal == BookingRefusal.APPOINTMENT_CANCELLED
                ? "appointments.chat.already_cancelled" : "appointments.chat.refused");
    }

    /**
     * The free times of the first day from {@code first} that has some in the part of the day
     * asked for, as buttons; when that is not the day asked for, the text says so.
     */
    private Step offer(Turn turn, Language language, Branch branch, LocalDate first, Part part, boolean dayNamed,
            Function<Slot, String> action, Function<String, String> heading) {
        for (int i = 0; i < DAYS_SEARCHED; i++) {
            LocalDate day = first.plusDays(i);
            List<Slot> free = turn.bank().slots(branch.id(), day).stream()
                    .filter(s -> s.capacityLeft() > 0 && part.holds(s.start().toLocalTime())).limit(SLOTS_SHOWN)
                    .toList();
            if (free.isEmpty()) {
                continue;
            }
            String date = Dates.date(free.get(0).start().toInstant(), language.locale());
            String text = heading.apply(date);
            if (i > 0 && dayNamed) {
                String asked = Dates.date(first.atTime(java.time.LocalTime.NOON).atOffset(free.get(0).start().getOffset())
                        .toInstant(), language.locale());
                text = texts.text(language, "appointments.chat.asked_day_full", asked) + "\n" + text;
            }
            List<Outbound.Button> buttons = new ArrayList<>();
            for (Slot slot : free) {
                buttons.add(new Outbound.Button(Dates.time(slot.start().toInstant(), language.locale()),
                        turn.bank().button(action.apply(slot), turn.state().formVersion())));
            }
            return new Step(turn.state(), List.of(new Outbound.Buttons(text, buttons)), language);
        }
        return say(turn, language, "appointments.chat.none", branch.name());
    }

    /**
     * The branch the text asks for: in a city the bank knows by name in any of its languages, else
     * in a place one of the text's words names; the first that takes appointments (and offers the
     * service, when one is asked for).
     */
    private static Optional<Branch> branch(Bank bank, Wish wish, String text) {
        Set<Branch> candidates = new LinkedHashSet<>();
        wish.city().ifPresent(city -> candidates.addAll(bank.branchesIn(city, org.socialbank.services.Branches.LIMIT_MAX)));
        if (candidates.isEmpty()) {
            int looked = 0;
            for (String word : text.split("[\\s,.!?،؟。，！？]+")) {
                if (word.codePointCount(0, word.length()) >= 4 && looked++ < PLACE_WORDS_MAX) {
                    candidates.addAll(bank.branchesIn(word, org.socialbank.services.Branches.LIMIT_MAX));
                }
            }
        }
        return candidates.stream().filter(b -> !b.atmOnly())
                .filter(b -> bank.branchSchedule(b.id())
                        .filter(s -> wish.service().map(s::offers).orElse(true)).isPresent())
                .findFirst()
                .or(() -> candidates.stream().filter(b -> bank.branchSchedule(b.id()).isPresent()).findFirst());
    }

    private String branchName(Turn turn, Appointment appointment) {
        return turn.bank().branch(appointment.branchId()).map(Branch::name).orElse(appointment.branchId());
    }

    private static String when(Language language, Instant start) {
        return Dates.dateTime(start, language.locale());
    }

    private String serviceLabel(Language language, String service) {
        return texts.text(language, service == null ? "appointments.service.any" : "appointments.service." + service);
    }

    private static Optional<AppointmentId> id(String text) {
        try {
            return Optional.of(new AppointmentId(UUID.fromString(text)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private Step say(Turn turn, Language language, String key, Object... args) {
        return new Step(turn.state(), List.of(new Outbound.Text(texts.text(language, key, args))), language);
    }

    static List<String> messageKeys() {
        List<String> keys = new ArrayList<>(List.of("appointments.chat.public", "appointments.chat.which_branch",
                "appointments.chat.service_not_offered", "appointments.chat.choose", "appointments.chat.booked",
                "appointments.chat.slot_full", "appointments.chat.refused", "appointments.chat.not_found",
                "appointments.chat.already_cancelled", "appointments.chat.cancelled",
                "appointments.chat.reschedule_choose", "appointments.chat.rescheduled", "appointments.chat.none",
                "appointments.chat.asked_day_full", "appointments.service.any", "appointments.reminder",
                "appointments.reminder.cancel_button", "appointments.reminder.reschedule_button"));
        for (String service : List.of("mortgage", "account_opening", "cards", "cash", "consultation")) {
            keys.add("appointments.service." + service);
        }
        return keys;
    }
}
