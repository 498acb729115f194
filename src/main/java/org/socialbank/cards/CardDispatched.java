package org.socialbank.cards;

import java.time.LocalDate;
import org.socialbank.directory.CustomerId;

/**
 * The card bureau sent a customer's newest card on {@code dispatchedOn}: published once, in the
 * transaction that recorded the day, so that the listener writing her chat's outbox there tells her
 * exactly once that it is on its way.
 */
public record CardDispatched(CustomerId customerId, String maskedNumber, LocalDate dispatchedOn) {}
