package org.socialbank.payments.requests;

/** The answer to asking for money: a business "no" is a value, not an exception. */
public sealed interface RequestResult {

    /** The request, as it is now; {@code replayed} when its id had been asked with the same order. */
    record Asked(MoneyRequest request, boolean replayed) implements RequestResult {}

    /** Nothing asked, nothing stored. */
    record Refused(RequestRejection rejection) implements RequestResult {}
}
