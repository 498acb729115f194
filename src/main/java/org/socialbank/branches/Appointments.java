package org.socialbank.branches;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.socialbank.branches.jdbc.JdbcAppointments;
import org.socialbank.branches.jdbc.JdbcSchedules;
import org.socialbank.directory.CustomerId;
import org.socialbank.directory.CustomerStatus;
import org.socialbank.directory.Directory;
import org.socialbank.shared.Races;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Branch appointments: the free slots of a day, and booking, cancelling and rescheduling a place.
 * A place is taken by the slot counter's guarded UPDATE in the transaction that inserts the
 * appointment, so a slot never holds more than its capacity however many book it at once; the
 * client's id makes a booking idempotent. Cancel and reschedule read the appointment under its
 * row's lock, so the place they give back is the one it holds when they commit. Each change
 * publishes {@link AppointmentChanged} in its transaction, naming who made it.
 */
@Service
public class Appointments {

    /** The most a customer's list of coming appointments shows. */
    public static final int UPCOMING_MAX = 20;

    private static final int ATTEMPTS_MAX = 5;

    private final Branches branches;
    private final JdbcSchedules schedules;
    private final JdbcAppointments store;
    private final Directory directory;
    private final TransactionTemplate transactions;
    private final TransactionTemplate ownTransactions;
    private final Clock clock;
    private final AppointmentsProperties properties;
    private final AppointmentChanges changes;

    Appointments(
            Branches branches,
            JdbcSchedules schedules,
            JdbcAppointments store,
            Directory directory,
            PlatformTransactionManager transactionManager,
            Clock clock,
            AppointmentsProperties properties,
            AppointmentChanges changes) {
        this.branches = branches;
        this.schedules = schedules;
        this.store = store;
        this.directory = directory;
        this.transactions = new TransactionTemplate(transactionManager);
        this.ownTransactions = new TransactionTemplate(transactionManager);
        this.ownTransactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        this.properties = properties;
        this.changes = changes;
    }

    /** Adds or replaces what a branch books and when. */
    public void saveSchedule(BranchSchedule schedule) {
        transactions.executeWithoutResult(status -> schedules.save(schedule));
    }

    public Optional<BranchSchedule> schedule(String branchId) {
        return branchId == null || branchId.isBlank() || branchId.length() > 32
                ? Optional.empty()
                : schedules.find(branchId);
    }

    /**
     * The slots of {@code date} at the branch that have not started yet, with the places left;
     * empty when the branch is closed that day or takes no appointments, absent when there is no
     * such branch.
     */
    public Optional<List<Slot>> slots(String branchId, LocalDate date) {
        if (branches.find(branchId).isEmpty()) {
            return Optional.empty();
        }
        Optional<BranchSchedule> schedule = schedules.find(branchId);
        if (schedule.isEmpty()) {
            return Optional.of(List.of());
        }
        List<OffsetDateTime> starts = Slots.starts(schedule.get(), date);
        if (starts.isEmpty()) {
            return Optional.of(List.of());
        }
        int capacity = schedule.get().slotCapacity();
        int minutes = schedule.get().slotMinutes();
        Map<Instant, Integer> booked = store.booked(
                branchId,
                starts.get(0).toInstant(),
                starts.get(starts.size() - 1).toInstant().plusSeconds(1));
        Instant now = clock.instant();
        return Optional.of(starts.stream()
                .filter(s -> s.toInstant().isAfter(now))
                .map(s -> new Slot(
                        s,
                        s.plusMinutes(minutes),
                        capacity,
                        Math.max(0, capacity - booked.getOrDefault(s.toInstant(), 0))))
                .toList());
    }

    /** Books a place, or answers the earlier booking under the same id; {@code by} says who books it. */
    public BookingResult book(BookingRequest request, AppointmentActor by) {
        Objects.requireNonNull(request, "request");
        Optional<BookingResult> replay = replay(request);
        if (replay.isPresent()) {
            return replay.get();
        }
        if (directory
                .customer(request.customerId())
                .filter(v -> v.customer().status() == CustomerStatus.ACTIVE)
                .isEmpty()) {
            return refused(BookingRefusal.CUSTOMER_NOT_FOUND);
        }
        Optional<BookingRefusal> refusal = bookable(request.branchId(), request.start(), request.service());
        if (refusal.isPresent()) {
            return refused(refusal.get());
        }
        ensureCounter(request.branchId(), request.start().toInstant());
        return retried(() -> transactions.execute(status -> bookOnce(request, by)));
    }

    private Optional<BookingResult> replay(BookingRequest request) {
        return store.fingerprint(request.id())
                .map(fingerprint -> fingerprint.equals(request.fingerprint())
                        ? new BookingResult.Done(store.find(request.id()).orElseThrow(), true)
                        : refused(BookingRefusal.ID_REUSED));
    }

    private BookingResult bookOnce(BookingRequest request, AppointmentActor by) {
        Optional<BookingResult> replay = replay(request); // a concurrent request with the same id won
        if (replay.isPresent()) {
            return replay.get();
        }
        Instant start = request.start().toInstant();
        if (!store.takePlace(request.branchId(), start)) {
            return refused(BookingRefusal.SLOT_FULL);
        }
        Instant now = clock.instant();
        Appointment appointment = new Appointment(
                request.id(),
                request.customerId(),
                request.branchId(),
                start,
                request.service(),
                BookingCodes.next(),
                AppointmentStatus.BOOKED,
                request.channel(),
                now,
                now,
                remindedAtBooking(start, now));
        store.insert(appointment, request.fingerprint());
        changes.booked(appointment, by);
        return new BookingResult.Done(appointment, false);
    }

    /** Cancels the appointment and gives its place back; cancelling a cancelled one changes nothing. */
    public BookingResult cancel(AppointmentId id, AppointmentActor by) {
        return retried(() -> transactions.execute(status -> cancelOnce(id, by)));
    }

    /**
     * Read under the row's lock (review 2026-12-07 branches #2): a reschedule committing meanwhile
     * has moved it, and the place given back is the slot it holds now, not the one it held before.
     */
    private BookingResult cancelOnce(AppointmentId id, AppointmentActor by) {
        Optional<Appointment> locked = store.lock(id);
        if (locked.isEmpty()) {
            return refused(BookingRefusal.APPOINTMENT_NOT_FOUND);
        }
        Appointment appointment = locked.get();
        if (appointment.status() == AppointmentStatus.CANCELLED) {
            return new BookingResult.Done(appointment, true);
        }
        Instant now = clock.instant();
        if (!appointment.start().isAfter(now)) {
            return refused(BookingRefusal.IN_THE_PAST);
        }
        store.cancel(id, now);
        store.givePlaceBack(appointment.branchId(), appointment.start());
        Appointment cancelled = store.find(id).orElseThrow();
        changes.cancelled(cancelled, by);
        return new BookingResult.Done(cancelled, false);
    }

    /** Moves a booked appointment to another slot of its branch, taking the new place before giving the old back. */
    public BookingResult reschedule(AppointmentId id, OffsetDateTime start, AppointmentActor by) {
        Optional<Appointment> found = store.find(id);
        if (found.isEmpty()) {
            return refused(BookingRefusal.APPOINTMENT_NOT_FOUND);
        }
        Appointment before = found.get();
        if (before.status() == AppointmentStatus.CANCELLED) {
            return refused(BookingRefusal.APPOINTMENT_CANCELLED);
        }
        if (before.start().equals(start.toInstant())) {
            return new BookingResult.Done(before, true);
        }
        if (!before.start().isAfter(clock.instant())) {
            return refused(BookingRefusal.IN_THE_PAST);
        }
        Optional<BookingRefusal> refusal = bookable(before.branchId(), start, before.service());
        if (refusal.isPresent()) {
            return refused(refusal.get());
        }
        ensureCounter(before.branchId(), start.toInstant());
        return retried(() -> transactions.execute(status -> moveOnce(id, start.toInstant(), by)));
    }

    private BookingResult moveOnce(AppointmentId id, Instant start, AppointmentActor by) {
        Instant now = clock.instant();
        Appointment locked = store.lock(id).orElseThrow(); // it was found, and appointments are never deleted
        if (locked.status() == AppointmentStatus.CANCELLED) {
            return refused(BookingRefusal.APPOINTMENT_CANCELLED);
        }
        if (locked.start().equals(start)) {
            return new BookingResult.Done(locked, true);
        }
        if (!store.takePlace(locked.branchId(), start)) {
            return refused(BookingRefusal.SLOT_FULL);
        }
        store.givePlaceBack(locked.branchId(), locked.start());
        store.move(id, start, remindedAtBooking(start, now), now);
        Appointment moved = store.find(id).orElseThrow();
        changes.rescheduled(moved, locked.start(), by);
        return new BookingResult.Done(moved, false);
    }

    public Optional<Appointment> appointment(AppointmentId id) {
        return store.find(id);
    }

    /** The appointment a booking code names (codes are unique). */
    public Optional<Appointment> byCode(String code) {
        return code == null || code.length() != BookingCodes.LENGTH ? Optional.empty() : store.findByCode(code);
    }

    /** The customer's booked appointments that have not started, soonest first. */
    public List<Appointment> upcoming(CustomerId customer) {
        return store.upcoming(customer, clock.instant(), UPCOMING_MAX);
    }

    /** The first rule a booking of {@code start} at the branch breaks, if any (the branch must exist). */
    private Optional<BookingRefusal> bookable(String branchId, OffsetDateTime start, String service) {
        if (branches.find(branchId).isEmpty()) {
            return Optional.of(BookingRefusal.BRANCH_NOT_FOUND);
        }
        Optional<BranchSchedule> schedule = schedules.find(branchId);
        if (schedule.isEmpty()) {
            return Optional.of(BookingRefusal.BRANCH_CLOSED); // an ATM, or a branch that books nothing
        }
        return BookingPolicy.check(schedule.get(), start, service, clock.instant(), properties.horizon());
    }

    /** A slot's counter row exists before any booking's transaction updates it (created in its own transaction). */
    private void ensureCounter(String branchId, Instant start) {
        if (store.counterExists(branchId, start)) {
            return;
        }
        int capacity =
                schedules.find(branchId).map(BranchSchedule::slotCapacity).orElse(1);
        try {
            ownTransactions.executeWithoutResult(status -> store.insertCounter(branchId, start, capacity));
        } catch (DuplicateKeyException created) {
            // a concurrent booker created it first: the row is there, which is all this needs
        }
    }

    /** A booking made less than a reminder's lead ahead needs no reminder: its confirmation is one. */
    private Instant remindedAtBooking(Instant start, Instant now) {
        return start.minus(properties.reminderLead()).isAfter(now) ? null : now;
    }

    private static BookingResult retried(Supplier<BookingResult> attempt) {
        for (int i = 1; ; i++) {
            try {
                return attempt.get();
            } catch (DataAccessException e) {
                if (!Races.lost(e) || i >= ATTEMPTS_MAX) {
                    throw e;
                }
            }
        }
    }

    private static BookingResult refused(BookingRefusal refusal) {
        return new BookingResult.Refused(refusal);
    }
}
