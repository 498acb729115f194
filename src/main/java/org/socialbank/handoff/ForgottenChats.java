package org.socialbank.handoff;

import java.time.Clock;
import org.socialbank.directory.IdentityForgotten;
import org.socialbank.handoff.jdbc.JdbcHandoffs;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The network asked the bank to forget a chat account (a WeChat unsubscribe): an open case is
 * closed (nobody can answer it any more) and what the customer wrote in its cases is erased, in
 * the transaction that forgets the account.
 */
@Component
class ForgottenChats {

    private final JdbcHandoffs store;
    private final Clock clock;

    ForgottenChats(JdbcHandoffs store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @EventListener
    @Transactional
    void on(IdentityForgotten event) {
        store.lockOwner(event.identityId())
                .flatMap(JdbcHandoffs.OwnerRow::openCase)
                .flatMap(store::find)
                .filter(c -> c.status().open())
                .ifPresent(c -> store.updateCase(c.closed(HandoffCase.Status.HANDED_BACK, clock.instant())));
        store.forget(event.identityId()); // without an owner row the next message, if any, is the bot's
    }
}
