package org.socialbank.handoff;

import org.socialbank.conversation.FraudReported;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * "This wasn't me" under a transaction alert (issue 17): the chat goes to the default team's
 * queue as a fraud case, ahead of every other case, in the transaction of the press; the customer
 * is told their place or who joined, after the bank's own answer (the cards are locked).
 */
@Component
class FraudReports {

    private final Handoffs handoffs;
    private final HandoffProperties properties;

    FraudReports(Handoffs handoffs, HandoffProperties properties) {
        this.handoffs = handoffs;
        this.properties = properties;
    }

    @EventListener
    void on(FraudReported report) {
        handoffs.open(report.chat(), properties.defaultTeam(), true);
    }
}
