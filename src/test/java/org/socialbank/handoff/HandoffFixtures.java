package org.socialbank.handoff;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.socialbank.directory.IdentityId;
import org.socialbank.shared.Language;
import org.socialbank.shared.Network;
import org.socialbank.support.Chats;

/**
 * Handoff cases for the handoff tests, opened the way a customer opens them (writing in a Telegram
 * chat through the real engine) or written straight into the store as another node would.
 */
final class HandoffFixtures {

    private final Chats chats;
    private final Handoffs handoffs;

    HandoffFixtures(Chats chats, Handoffs handoffs) {
        this.chats = chats;
        this.handoffs = handoffs;
    }

    /** The customer says {@code text} in the Telegram chat (e.g. asks for a person); its identity. */
    IdentityId writes(String chat, String text) {
        chats.say(chat, text);
        return chats.identity(chat);
    }

    /** How many replies the bot gives to a text in the chat (none while a person has it). */
    int replies(String chat, String text) {
        return chats.say(chat, text).size();
    }

    /** The open case of the conversation, queued or with an agent. */
    CaseId openCase(IdentityId identity) {
        Owner owner = handoffs.owner(identity);
        if (owner instanceof Owner.Queue queue) {
            return queue.caseId();
        }
        if (owner instanceof Owner.Agent agent) {
            return agent.caseId();
        }
        throw new AssertionError("no open case: " + owner);
    }

    /**
     * A case as the store holds it, for a test that writes it in directly: a Telegram chat of a new
     * identity, in English, for {@code team}, queued at {@code queuedAt}, closed (resolved) at
     * {@code closedAt} when that is given.
     */
    static HandoffCase stored(
            CaseId id, String recipient, String team, int priority, Instant queuedAt, Optional<Instant> closedAt) {
        return new HandoffCase(
                id,
                new IdentityId(UUID.randomUUID()),
                Network.TELEGRAM,
                recipient,
                team,
                Language.EN,
                priority,
                HandoffCase.Reason.API,
                closedAt.isPresent() ? HandoffCase.Status.RESOLVED : HandoffCase.Status.QUEUED,
                Optional.empty(),
                queuedAt,
                queuedAt,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                queuedAt,
                Optional.empty(),
                closedAt,
                Optional.empty());
    }
}
