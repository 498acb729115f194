package org.socialbank.applications;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * One audited change or retry of an application: staff's decisions and retries through the API
 * (review 2026-12-07 applications follow-up), and every other change of its status, by the system
 * or by the customer (review 2026-12-07 apps follow-up), each written in the change's transaction.
 *
 * @param actorKind who acted: staff (an API client), the system (a rule) or the customer
 * @param actor staff: the API client that asked (its token's fingerprint, the request's
 *     principal); the system: the rule and its verdict ({@code underwriting:approve}, {@code
 *     sandbox-underwriting:refer}, {@code fulfilment}, {@code fulfilment.janitor}, {@code
 *     instalments} (the instalment job), {@code expiry.janitor}); the customer:
 *     {@code customer:<her id>}
 * @param action {@code decision}, {@code submission}, {@code fulfilment}, {@code fulfilment.retry},
 *     {@code instalment.retry}, {@code instalment} (the job changed an instalment's status: the
 *     outcome is {@code paid}, {@code late} or {@code held}) or {@code expiry} (outcome {@code
 *     expired}, reason the status it left)
 * @param instalment the instalment's number, or null for an approval's retry and a decision
 * @param outcome what it did: for a decision the status it reached ({@code in_review}, {@code
 *     more_info}, {@code approved}, {@code declined}); for a submission {@code submitted}; for a
 *     fulfilment the approval's state it reached ({@code fulfilled}, {@code not_paid_out}, {@code
 *     not_issued}); for a retry {@code fulfilled}, {@code
 *     already_fulfilled}, {@code not_paid_out}, {@code not_issued}, {@code paid}, {@code
 *     already_paid}, {@code held}, {@code late}, or the refusal's code ({@code not_approved}, {@code
 *     loan_not_found}, {@code instalment_not_found}, {@code instalment_not_held})
 * @param reason for a decision the reason staff gave (up to {@value Decisions#REASON_LENGTH_MAX}
 *     characters) or the underwriting's reason codes (comma-separated), else null; for a
 *     fulfilment why it is outstanding (a ledger, directory or cards code), else null; for a retry why it is still outstanding (a ledger, directory or cards
 *     code), else null
 */
public record StaffAction(
        Instant at,
        ActorKind actorKind,
        String actor,
        String action,
        ApplicationId applicationId,
        Integer instalment,
        String outcome,
        String reason) {

    /** Who made an audited change (the {@code actor_kind} column, V113). */
    public enum ActorKind {
        STAFF,
        SYSTEM,
        CUSTOMER;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    static final String DECISION = "decision";
    static final String SUBMISSION = "submission";
    static final String FULFILMENT = "fulfilment";
    static final String FULFILMENT_RETRY = "fulfilment.retry";
    static final String INSTALMENT_RETRY = "instalment.retry";
    /** The instalment job changed an instalment's status (outcome: {@code paid}, {@code late}, {@code held}). */
    static final String INSTALMENT = "instalment";
    /** The expiry janitor closed an application that waited on her for too long (outcome: {@code expired}). */
    static final String EXPIRY = "expiry";
    /** The actor column's width; an API principal (a token's fingerprint) is 30 characters. */
    static final int ACTOR_LENGTH_MAX = 64;

    public StaffAction {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actorKind, "actorKind");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(applicationId, "applicationId");
        Objects.requireNonNull(outcome, "outcome");
        if (actor == null || actor.isBlank() || actor.length() > ACTOR_LENGTH_MAX) {
            throw new IllegalArgumentException(
                    "an audited action needs its actor (1.." + ACTOR_LENGTH_MAX + " characters)");
        }
    }
}
