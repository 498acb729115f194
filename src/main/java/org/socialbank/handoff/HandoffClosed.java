package org.socialbank.handoff;

import java.time.Instant;
import java.util.Objects;
import org.socialbank.directory.IdentityId;

/**
 * A case was closed: an agent resolved it or handed the conversation back to the bot, it waited in
 * the queue longer than {@code queue-wait-max} and went back to the bot unanswered, or the network
 * asked the bank to forget the chat account so nobody can answer it any more. Published
 * in the transaction of the close, so what another module keeps in step with it (a listening case
 * handed to a person) changes with it or not at all.
 *
 * @param way how it ended: only an agent's close means a person dealt with it
 */
public record HandoffClosed(CaseId caseId, IdentityId identity, Way way, Instant at) {

    /** How a case ended. */
    public enum Way {
        /** An agent resolved it: the customer was asked for a rating. */
        RESOLVED,
        /** An agent handed the conversation back to the bot. */
        HANDED_BACK,
        /** Nobody took it within {@code queue-wait-max}: the janitor gave it back to the bot. */
        WAITED_TOO_LONG,
        /**
         * The network asked the bank to forget the chat account (a WeChat unsubscribe): the
         * conversation ended with nobody able to write to her any more, whether or not an agent
         * had answered, so nothing was settled by a person.
         */
        CHAT_FORGOTTEN
    }

    public HandoffClosed {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(way, "way");
        Objects.requireNonNull(at, "at");
    }

    /** True when resolved (the customer was asked for a rating). */
    public boolean resolved() {
        return way == Way.RESOLVED;
    }

    /** True when an agent closed it (resolved or handed back), false when it ended without one. */
    public boolean byAgent() {
        return way == Way.RESOLVED || way == Way.HANDED_BACK;
    }
}
