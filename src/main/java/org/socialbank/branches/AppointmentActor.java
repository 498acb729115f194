package org.socialbank.branches;

/**
 * Who books, cancels or moves an appointment: the customer herself in her chat, whose chat answers
 * her there and then, or the bank (staff, or any other client of the API), whose change she is
 * told of in her private chat ({@link AppointmentChanged}).
 */
public enum AppointmentActor {
    CUSTOMER_IN_CHAT,
    BANK
}
