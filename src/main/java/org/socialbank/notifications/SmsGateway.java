package org.socialbank.notifications;

/**
 * Sends text messages. One implementation per provider; the embedded developer inbox is used
 * only while no other bean of this type exists.
 *
 * <p>An implementation bounds every call with a timeout and answers, rather than throws, what
 * happened: {@link DeliveryStatus#FAILED} when the gateway refused the message, {@link
 * DeliveryStatus#UNKNOWN} when it cannot tell (a timeout after the request left), so that the
 * caller never sends a code twice by retrying blindly.
 */
public interface SmsGateway {

    SmsDelivery send(SmsMessage message);

    /**
     * Asks what became of a message this gateway answered earlier, by the {@link SmsDelivery#id()}
     * it gave: its delivery report. Bounded by a timeout like {@link #send}, and answered rather
     * than thrown: {@link SmsReport.StillPending} when there is no report yet or the gateway cannot
     * be asked now, {@link SmsReport.UnknownId} when it knows no such message. Takes nothing from
     * the send budgets: nothing is sent.
     *
     * <p>A default, so that a gateway written before reports were asked for still compiles: it
     * answers {@link SmsReport.StillPending} (it cannot tell), and a message it answered PENDING
     * or UNKNOWN stays so until the caller gives up ({@code socialbank.alerts.sms-reports.wait-max}
     * for an alert SMS: then UNKNOWN, counted and logged). A gateway with a report API overrides it.
     */
    default SmsReport status(String deliveryId) {
        return SmsReport.stillPending();
    }
}
