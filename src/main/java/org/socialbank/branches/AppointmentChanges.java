package org.socialbank.branches;

import java.time.Instant;
import java.time.ZoneId;
import org.socialbank.branches.jdbc.JdbcSchedules;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** Publishes {@link AppointmentChanged} in the caller's transaction, with the branch's name, address and zone. */
@Component
class AppointmentChanges {

    private final Branches branches;
    private final JdbcSchedules schedules;
    private final ApplicationEventPublisher events;

    AppointmentChanges(Branches branches, JdbcSchedules schedules, ApplicationEventPublisher events) {
        this.branches = branches;
        this.schedules = schedules;
        this.events = events;
    }

    void booked(Appointment a, AppointmentActor by) {
        publish(AppointmentChanged.Change.BOOKED, by, a, null);
    }

    void cancelled(Appointment a, AppointmentActor by) {
        publish(AppointmentChanged.Change.CANCELLED, by, a, null);
    }

    void rescheduled(Appointment a, Instant previousStart, AppointmentActor by) {
        publish(AppointmentChanged.Change.RESCHEDULED, by, a, previousStart);
    }

    private void publish(AppointmentChanged.Change change, AppointmentActor by, Appointment a, Instant previousStart) {
        Branch branch = branches.find(a.branchId()).orElseThrow();
        ZoneId zone = schedules.find(a.branchId()).map(BranchSchedule::zone).orElse(ZoneId.of("UTC"));
        events.publishEvent(
                new AppointmentChanged(change, by, a, previousStart, branch.name(), branch.address(), zone));
    }
}
