package org.socialbank.handoff;

import java.util.Optional;
import java.util.UUID;
import org.socialbank.listening.Mention;
import org.socialbank.listening.Mentions;
import org.socialbank.listening.Topic;
import org.socialbank.listening.cases.Case;
import org.socialbank.listening.cases.CaseResult;
import org.socialbank.listening.cases.CaseStatus;
import org.socialbank.listening.cases.Cases;
import org.socialbank.listening.cases.PrivateReplies;
import org.socialbank.listening.cases.PrivateRoute;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A listening case handed to a person (issues 19 and 20): the author's private chat (the linked
 * customer's, or an X direct message) becomes a handoff case in the console's queue of the
 * listening team, fraud first, with the mention at the head of its transcript; the listening case
 * keeps the handoff case's id and points to it. The two stay in step: when an agent resolves the
 * conversation or hands it back to the bot, the listening case is closed with it, in the same
 * transaction; when it waited too long and went back to the bot, or the network made the bank forget
 * the chat account, the case may be handed over again. Lives here because the console's listening pages may not
 * depend on handoff (handoff depends on the console).
 */
@Service
public class ListeningHandovers {

    private final Handoffs handoffs;
    private final Cases cases;
    private final Mentions mentions;
    private final PrivateReplies privately;

    ListeningHandovers(Handoffs handoffs, Cases cases, Mentions mentions, PrivateReplies privately) {
        this.handoffs = handoffs;
        this.cases = cases;
        this.mentions = mentions;
        this.privately = privately;
    }

    /**
     * Opens the handoff case, or answers why not: {@code case_not_found}, {@code case_closed},
     * {@code handed_over} (once per case), {@code no_handover_chat} (nowhere private to write),
     * {@code handoff_refused} (the handoff module refused: no chat behind the route).
     */
    @Transactional
    public CaseResult handOver(org.socialbank.listening.cases.CaseId id, String who) {
        Optional<Case> found = cases.find(id);
        if (found.isEmpty() || found.get().status() == CaseStatus.CLOSED) {
            return new CaseResult.Rejected(found.isEmpty() ? "case_not_found" : "case_closed");
        }
        if (cases.handoffOf(id).isPresent()) {
            return new CaseResult.Rejected("handed_over");
        }
        Mention mention = mentions.find(found.get().mentionId()).orElseThrow();
        Optional<PrivateRoute> route = privately.route(mention);
        if (route.isEmpty()) {
            return new CaseResult.Rejected("no_handover_chat");
        }
        HandoffResult opened = handoffs.open(
                route.get().chat().id(),
                found.get().team(),
                mention.topic() == Topic.FRAUD,
                context(found.get(), mention, who));
        if (!(opened instanceof HandoffResult.Done done)) {
            return new CaseResult.Rejected("handoff_refused");
        }
        return cases.handedOver(id, done.caseId().value());
    }

    /** The handoff case a listening case was handed to, if it was. */
    @Transactional(readOnly = true)
    public Optional<CaseId> handoffOf(org.socialbank.listening.cases.CaseId id) {
        return cases.handoffOf(id).map(CaseId::new);
    }

    /**
     * An agent closed the conversation: every listening case handed over to it is closed (one
     * author's mentions share the author's one conversation). It went back to the bot unanswered, or
     * the network asked the bank to forget the chat account (nobody can write there any more, and no
     * person settled it): they stay open, no longer with a person, and may be answered in public or
     * handed over again (to another chat of hers, if she has one linked).
     */
    @EventListener
    void on(HandoffClosed closed) {
        UUID handoffCase = closed.caseId().value();
        switch (closed.way()) {
            case RESOLVED, HANDED_BACK -> cases.closeHandedOver(handoffCase);
            case WAITED_TOO_LONG, CHAT_FORGOTTEN -> cases.releaseHandedOver(handoffCase);
        }
    }

    /** What the agent reads first: where the mention was said, by whom, what, and the listening case's page. */
    private static String context(Case c, Mention mention, String who) {
        String author = mention.author() == null ? "" : " " + mention.author();
        return "Listening case /console/listening/cases/" + c.id().value() + " (handed over by " + who + "): "
                + mention.source() + author + ": " + mention.text();
    }
}
