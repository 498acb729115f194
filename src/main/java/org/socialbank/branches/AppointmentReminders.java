package org.socialbank.branches;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialbank.branches.jdbc.JdbcAppointments;
import org.socialbank.branches.jdbc.JdbcSchedules;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reminds customers of their appointments the day before (a configurable lead): each due
 * appointment is marked reminded by a guarded UPDATE and {@link AppointmentReminderDue} is
 * published in the same transaction, so a reminder goes out once however often the job runs and
 * on however many nodes (the second marker finds it marked and sends nothing).
 */
@Service
public class AppointmentReminders {

    private static final Logger log = LoggerFactory.getLogger(AppointmentReminders.class);

    private final JdbcAppointments store;
    private final JdbcSchedules schedules;
    private final Branches branches;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final AppointmentsProperties properties;

    AppointmentReminders(
            JdbcAppointments store,
            JdbcSchedules schedules,
            Branches branches,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactionManager,
            Clock clock,
            AppointmentsProperties properties) {
        this.store = store;
        this.schedules = schedules;
        this.branches = branches;
        this.events = events;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
        this.properties = properties;
    }

    @Scheduled(
            fixedDelayString = "${socialbank.services.appointments.reminder-interval:5m}",
            initialDelayString = "${socialbank.services.appointments.reminder-interval:5m}")
    void scheduled() {
        if (!properties.remindersEnabled()) {
            return;
        }
        try {
            remind();
        } catch (RuntimeException e) {
            log.warn("appointment reminders: this round failed; the next one takes it again", e);
        }
    }

    /** One round: sends the due reminders (at most a batch) and answers how many this call sent. */
    public int remind() {
        Integer sent = transactions.execute(status -> {
            Instant now = clock.instant();
            List<Appointment> due =
                    store.unreminded(now, now.plus(properties.reminderLead()), properties.reminderBatchMax());
            int count = 0;
            for (Appointment a : due) {
                if (store.markReminded(a.id(), a.start(), now)) {
                    events.publishEvent(reminder(a));
                    count++;
                }
            }
            return count;
        });
        return sent == null ? 0 : sent;
    }

    private AppointmentReminderDue reminder(Appointment a) {
        Branch branch = branches.find(a.branchId()).orElseThrow();
        ZoneId zone = schedules.find(a.branchId()).map(BranchSchedule::zone).orElse(ZoneId.of("UTC"));
        return new AppointmentReminderDue(
                a.id(),
                a.customerId(),
                a.branchId(),
                branch.name(),
                branch.address(),
                a.start(),
                zone,
                a.service(),
                a.code());
    }
}
