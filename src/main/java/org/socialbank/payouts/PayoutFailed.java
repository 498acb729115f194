package org.socialbank.payouts;

/**
 * A payout was refused and no money left; published in the transaction that records it.
 *
 * @param reason the rail's stable code, e.g. {@code account_closed}
 */
public record PayoutFailed(PayoutId id, String reference, String reason) {}
