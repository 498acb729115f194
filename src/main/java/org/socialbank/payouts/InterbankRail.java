package org.socialbank.payouts;

import java.time.Duration;

/**
 * The interbank system payouts are sent through (SEPA credit transfer, IMPS/NEFT...). Exactly
 * one bean; the embedded sandbox is used only while no other exists.
 *
 * <p><b>An implementation MUST be idempotent by {@link EndToEndId}</b>: the same send twice is
 * paid once. <b>Once {@link #status} answered {@link RailAnswer#NOT_RECEIVED} for an id, it MUST
 * refuse that id for good</b>: a {@link #send} with it that arrives later (queued during an outage
 * of the rail's core, say) pays nothing and answers {@code Rejected(not_received)}. Only that rule
 * lets the worker send the payout again under a new id, and end it FAILED (the payer's money given
 * back) after {@code sends-max} such sends, without paying it twice. The worker sends one id twice
 * only when a send outlived its lease while another node asked about it. An implementation bounds
 * every call with {@link #timeout()}, and answers rather than throws: {@link RailAnswer.Unknown}
 * when it cannot tell whether the order arrived. A throw is read as Unknown.
 */
public interface InterbankRail {

    /**
     * The longest one call may take before it answers Unknown. The payout worker refuses to start
     * unless it is shorter than {@code socialbank.payouts.lease} less {@code clock-skew-max}.
     */
    Duration timeout();

    /** Sends the order under this send's id; never called inside a database transaction. */
    RailAnswer send(EndToEndId id, PayoutOrder order);

    /**
     * Where a send is: Accepted (in flight), Settled, Rejected (with {@link RailAnswer#NOT_RECEIVED}
     * when it never arrived, after which the id is refused for good), or Unknown.
     */
    RailAnswer status(EndToEndId id);
}
