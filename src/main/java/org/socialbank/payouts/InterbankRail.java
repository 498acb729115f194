package org.socialbank.payouts;

/**
 * The interbank system payouts are sent through (SEPA credit transfer, IMPS/NEFT...). Exactly
 * one bean; the embedded sandbox is used only while no other exists.
 *
 * <p>An implementation is idempotent by {@link PayoutOrder#id()} (the end-to-end id), bounds
 * every call with a timeout, and answers rather than throws: {@link RailAnswer.Unknown} when it
 * cannot tell whether the order arrived. A throw is read as Unknown.
 */
public interface InterbankRail {

    /** Sends the order; never called inside a database transaction. */
    RailAnswer send(PayoutOrder order);

    /**
     * Where a payout is: Accepted (in flight), Settled, Rejected (with {@link
     * RailAnswer#NOT_RECEIVED} when it never arrived), or Unknown.
     */
    RailAnswer status(PayoutId id);
}
