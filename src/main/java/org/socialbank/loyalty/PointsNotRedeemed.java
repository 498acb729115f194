package org.socialbank.loyalty;

import org.socialbank.directory.CustomerId;

/**
 * A redemption asked in chat that redeemed nothing on the bank's page (review 2026-12-07 money #6),
 * so the chat is told as it is of a done one ({@link PointsRedeemed}). {@code reason}: a
 * {@link PointsRefusal} code (refused when carried out after the right code: {@code
 * insufficient_points}, {@code nothing_owed}...), {@code confirmation_mismatch} (the card is no
 * longer the one the page named), or how the step-up ended ({@code expired}, {@code
 * too_many_attempts}, {@code cancelled}). Nothing was spent. Published once, in the transaction that
 * ended it.
 */
public record PointsNotRedeemed(CustomerId customerId, long points, String reason) {

    /** The reasons that are not a {@link PointsRefusal} code. */
    public static final String CONFIRMATION_MISMATCH = "confirmation_mismatch";
}
