package org.socialbank.applications;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialbank.cards.CardId;
import org.socialbank.cards.CardResult;
import org.socialbank.cards.Cards;
import org.socialbank.shared.Microseconds;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * What follows an approval, in the caller's transaction (the decision's, the janitor's or staff's
 * retry, each holding the application's row): the loan paid out ({@link Loans#disburse}) or the
 * card issued, else the outcome recorded, listed for staff and told in her chat.
 */
@Component
class FulfilApproval {

    private static final Logger log = LoggerFactory.getLogger(FulfilApproval.class);

    /**
     * The notice key of every reason on the bank's side: they all tell her the same neutral message,
     * so it is told once per approval (no reason code is {@code completing}; V108).
     */
    static final String COMPLETING = "completing";

    /** The audit's actor of a fulfilment that follows an approval at once (review 2026-12-07 apps follow-up). */
    static final String ON_APPROVAL = "fulfilment";
    /** The audit's actor of the janitor's retry of an approval not fulfilled ({@link Fulfilments#run}). */
    static final String JANITOR = "fulfilment.janitor";

    private final JdbcApplications store;
    private final JdbcStaffActions actions;
    private final Cards cards;
    private final Loans loans;
    private final ApplicationEventPublisher events;
    private final ApplicationsProperties properties;
    private final Clock clock;

    FulfilApproval(
            JdbcApplications store,
            JdbcStaffActions actions,
            Cards cards,
            Loans loans,
            ApplicationEventPublisher events,
            ApplicationsProperties properties,
            Clock clock) {
        this.store = store;
        this.actions = actions;
        this.cards = cards;
        this.loans = loans;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Pays out or issues an approved application (again: the ids are derived, it pays once). When
     * that changes the approval's state (not paid out, not issued, their reason, or fulfilled after
     * all), the change is audited as the system's with {@code actor} ({@link #ON_APPROVAL}, {@link
     * #JANITOR}); null when the caller audits it itself (staff's retry, whose row says what it did).
     * The same outcome again is no change and adds no row (review 2026-12-07 apps follow-up).
     */
    Fulfilment fulfil(Application a, String actor) {
        Optional<Fulfilments.Unfulfilled> before = store.unfulfilledOf(a.id());
        Fulfilment outcome = a.product() == Product.LOAN ? loans.disburse(a) : issueCard(a);
        fulfilled(a, outcome);
        if (actor != null) {
            audit(a, before, outcome, actor);
        }
        return outcome;
    }

    private void audit(Application a, Optional<Fulfilments.Unfulfilled> before, Fulfilment outcome, String actor) {
        String state = null;
        String reason = null;
        if (outcome instanceof Fulfilment.Unfulfilled no) {
            state = a.product() == Product.LOAN ? "not_paid_out" : "not_issued";
            reason = no.reason();
        }
        boolean changed = before.isEmpty()
                ? state != null
                : !Objects.equals(before.get().state(), state)
                        || !Objects.equals(before.get().reason(), reason);
        if (changed) {
            actions.record(new StaffAction(
                    Microseconds.now(clock),
                    StaffAction.ActorKind.SYSTEM,
                    actor,
                    StaffAction.FULFILMENT,
                    a.id(),
                    null,
                    state == null ? "fulfilled" : state,
                    reason));
        }
    }

    /**
     * Records what followed an approval: cleared when it was paid out or issued; else the state and
     * its reason, a retry in an interval when the cause can pass (else staff decide), and her chat
     * is told why and what happens next, each reason once per approval however the reasons
     * alternate (review 2026-12-07 follow-up: frozen, no account, frozen again tells two messages).
     * A reason on the bank's side waits for staff and is not blamed on her (review 2026-12-07
     * applications follow-up); she hears it only as "the bank is completing it", once per approval
     * however many reasons on the bank's side follow one another ({@link #COMPLETING}).
     */
    private void fulfilled(Application a, Fulfilment outcome) {
        if (outcome instanceof Fulfilment.Unfulfilled no) {
            Instant now = Microseconds.now(clock);
            Instant retryAt = no.retried() ? now.plus(properties.instalmentInterval()) : null;
            String state = a.product() == Product.LOAN ? "not_paid_out" : "not_issued";
            store.unfulfilled(a.id(), state, no.reason(), retryAt);
            if (store.firstNotice(a.id(), no.bankSide() ? COMPLETING : no.reason(), now)) {
                events.publishEvent(new ApplicationNotFulfilled(
                        a.id(), a.customerId(), a.product(), no.reason(), retryAt != null, no.bankSide()));
            }
        } else {
            store.fulfilled(a.id());
        }
    }

    /**
     * The approved card, its limit what was asked for; a refusal is the outcome (the approval
     * stands), always on the bank's side ({@link CardRefusals}).
     */
    private Fulfilment issueCard(Application a) {
        CardId card = new CardId(UUID.nameUUIDFromBytes(
                ("socialbank-applications:card:" + a.id().value()).getBytes(StandardCharsets.UTF_8)));
        CardResult result =
                cards.issueCredit(card, a.customerId(), a.currency(), a.amountMinor(), properties.cardStatementDay());
        if (result instanceof CardResult.Refused refused) {
            log.warn("application {} approved but its card was not issued: {}", a.id(), refused.code());
            return new Fulfilment.Unfulfilled(CardRefusals.reason(refused.code()), true);
        }
        store.setCard(a.id(), card.value());
        return new Fulfilment.Fulfilled();
    }
}
