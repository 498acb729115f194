package org.socialbank.handoff;

import java.time.Clock;
import org.socialbank.directory.IdentityForgotten;
import org.socialbank.handoff.jdbc.JdbcHandoffs;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The network asked the bank to forget a chat account (a WeChat unsubscribe): an open case is
 * closed (nobody can answer it any more) and what the customer wrote in its cases is erased, in
 * the transaction that forgets the account. {@link HandoffClosed} ({@code CHAT_FORGOTTEN}) tells
 * the rest, so a listening case handed over to it is no longer "with a person" (review 2026-12-07
 * console follow-up).
 */
@Component
class ForgottenChats {

    private final JdbcHandoffs store;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    ForgottenChats(JdbcHandoffs store, Clock clock, ApplicationEventPublisher events) {
        this.store = store;
        this.clock = clock;
        this.events = events;
    }

    @EventListener
    @Transactional
    void on(IdentityForgotten event) {
        store.lockOwner(event.identityId())
                .flatMap(JdbcHandoffs.OwnerRow::openCase)
                .flatMap(store::find)
                .filter(c -> c.status().open())
                .ifPresent(this::close);
        store.forget(event.identityId()); // without an owner row the next message, if any, is the bot's
    }

    private void close(HandoffCase c) {
        store.updateCase(c.closed(HandoffCase.Status.HANDED_BACK, clock.instant()));
        events.publishEvent(new HandoffClosed(c.id(), c.identity(), HandoffClosed.Way.CHAT_FORGOTTEN, clock.instant()));
    }
}
