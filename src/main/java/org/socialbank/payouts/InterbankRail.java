package org.socialbank.payouts;

import java.time.Duration;

/**
 * The interbank system payouts are sent through (SEPA credit transfer, IMPS/NEFT...). Exactly
 * one bean; the embedded sandbox is used only while no other exists.
 *
 * <p><b>An implementation MUST be idempotent by {@link PayoutOrder#id()}</b> (the end-to-end id):
 * the same payout sent twice is paid once. The worker can send one payout twice: when the rail
 * said it never received it, and when a send outlived its lease while another node asked about
 * it. An implementation bounds every call with {@link #timeout()}, and answers rather than throws:
 * {@link RailAnswer.Unknown} when it cannot tell whether the order arrived. A throw is read as
 * Unknown.
 */
public interface InterbankRail {

    /**
     * The longest one call may take before it answers Unknown. The payout worker refuses to start
     * unless it is shorter than {@code socialbank.payouts.lease}.
     */
    Duration timeout();

    /** Sends the order; never called inside a database transaction. */
    RailAnswer send(PayoutOrder order);

    /**
     * Where a payout is: Accepted (in flight), Settled, Rejected (with {@link
     * RailAnswer#NOT_RECEIVED} when it never arrived), or Unknown.
     */
    RailAnswer status(PayoutId id);
}
