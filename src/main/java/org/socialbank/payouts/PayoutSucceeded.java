package org.socialbank.payouts;

/** A payout reached the beneficiary's account; published in the transaction that records it. */
public record PayoutSucceeded(PayoutId id, String reference) {}
