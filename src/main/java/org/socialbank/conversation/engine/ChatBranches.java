package org.socialbank.conversation.engine;

import java.time.OffsetDateTime;
import java.util.Optional;
import org.socialbank.branches.Appointment;
import org.socialbank.branches.AppointmentActor;
import org.socialbank.branches.AppointmentId;
import org.socialbank.branches.Appointments;
import org.socialbank.branches.BookingRefusal;
import org.socialbank.branches.BookingRequest;
import org.socialbank.branches.BookingResult;
import org.socialbank.directory.CustomerId;
import org.socialbank.shared.Network;

/**
 * The branch appointments of one chat message, through the branches module: a customer sees and
 * changes only her own, and a booking's id comes from the message, so a redelivery books once.
 */
final class ChatBranches {

    private final Appointments appointments;
    private final Network channel;
    private final String externalMessageId;

    ChatBranches(Appointments appointments, Network channel, String externalMessageId) {
        this.appointments = appointments;
        this.channel = channel;
        this.externalMessageId = externalMessageId;
    }

    BookingResult book(CustomerId customer, String branchId, OffsetDateTime start, String service) {
        return appointments.book(
                new BookingRequest(
                        ChatIds.appointmentId(channel, externalMessageId),
                        customer,
                        branchId,
                        start,
                        service,
                        channel.wireName()),
                AppointmentActor.CUSTOMER_IN_CHAT);
    }

    Optional<Appointment> appointment(CustomerId customer, AppointmentId id) {
        return appointments.appointment(id).filter(a -> a.customerId().equals(customer));
    }

    Optional<Appointment> byCode(CustomerId customer, String code) {
        return appointments.byCode(code).filter(a -> a.customerId().equals(customer));
    }

    BookingResult cancel(CustomerId customer, AppointmentId id) {
        return appointment(customer, id).isEmpty()
                ? new BookingResult.Refused(BookingRefusal.APPOINTMENT_NOT_FOUND)
                : appointments.cancel(id, AppointmentActor.CUSTOMER_IN_CHAT);
    }

    BookingResult reschedule(CustomerId customer, AppointmentId id, OffsetDateTime start) {
        return appointment(customer, id).isEmpty()
                ? new BookingResult.Refused(BookingRefusal.APPOINTMENT_NOT_FOUND)
                : appointments.reschedule(id, start, AppointmentActor.CUSTOMER_IN_CHAT);
    }
}
