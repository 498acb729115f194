package org.socialbank.applications;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
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

    private final JdbcApplications store;
    private final Cards cards;
    private final Loans loans;
    private final ApplicationEventPublisher events;
    private final ApplicationsProperties properties;
    private final Clock clock;

    FulfilApproval(
            JdbcApplications store,
            Cards cards,
            Loans loans,
            ApplicationEventPublisher events,
            ApplicationsProperties properties,
            Clock clock) {
        this.store = store;
        this.cards = cards;
        this.loans = loans;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    /** Pays out or issues an approved application (again: the ids are derived, it pays once). */
    Fulfilment fulfil(Application a) {
        Fulfilment outcome = a.product() == Product.LOAN ? loans.disburse(a) : issueCard(a);
        fulfilled(a, outcome);
        return outcome;
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
