package org.socialbank.applications;

import java.time.Instant;
import java.util.Objects;

/**
 * One staff decision or retry through the API, as audited (review 2026-12-07 applications
 * follow-up).
 *
 * @param actor the API client that asked (its token's fingerprint, the request's principal)
 * @param action {@code decision}, {@code fulfilment.retry} or {@code instalment.retry}
 * @param instalment the instalment's number, or null for an approval's retry and a decision
 * @param outcome what it did: for a decision the status it reached ({@code in_review}, {@code
 *     more_info}, {@code approved}, {@code declined}); for a retry {@code fulfilled}, {@code
 *     already_fulfilled}, {@code not_paid_out}, {@code not_issued}, {@code paid}, {@code
 *     already_paid}, {@code held}, {@code late}, or the refusal's code ({@code not_approved}, {@code
 *     loan_not_found}, {@code instalment_not_found}, {@code instalment_not_held})
 * @param reason for a decision the reason staff gave (up to {@value Decisions#REASON_LENGTH_MAX}
 *     characters), else null; for a retry why it is still outstanding (a ledger, directory or cards
 *     code), else null
 */
public record StaffAction(
        Instant at,
        String actor,
        String action,
        ApplicationId applicationId,
        Integer instalment,
        String outcome,
        String reason) {

    static final String DECISION = "decision";
    static final String FULFILMENT_RETRY = "fulfilment.retry";
    static final String INSTALMENT_RETRY = "instalment.retry";
    /** The actor column's width; an API principal (a token's fingerprint) is 30 characters. */
    static final int ACTOR_LENGTH_MAX = 64;

    public StaffAction {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(applicationId, "applicationId");
        Objects.requireNonNull(outcome, "outcome");
        if (actor == null || actor.isBlank() || actor.length() > ACTOR_LENGTH_MAX) {
            throw new IllegalArgumentException(
                    "a staff action needs its actor (1.." + ACTOR_LENGTH_MAX + " characters)");
        }
    }
}
