package org.socialbank.conversation;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.socialbank.directory.IdentityId;
import org.socialbank.shared.Language;
import org.socialbank.shared.Network;

/**
 * SPI: who speaks in a conversation, the bot or a person (issue 19). The engine asks once per
 * message, in the message's transaction, after the inbox row is written and the conversation's
 * row is locked, and before its dialogue runs: so the answer holds for the whole message, on any
 * node. While a person (or the queue waiting for one) owns the conversation the dialogue does not
 * run and nothing but the notices the owner returns is written to the outbox. Without an
 * implementation the bot owns every conversation.
 */
public interface ConversationOwners {

    /**
     * One customer message as the engine received it.
     *
     * @param recipient the sender's private chat (a group's id is never a recipient here)
     * @param language the chat's language (chosen, else the linked customer's, else the text's),
     *     worked out only when asked
     * @param command whether the parser reads the text as a command with an amount or a phone number
     *     ("pay the agent 20", "переведи менеджеру 500"): never a request for a person (review
     *     2026-12-07 assistant follow-up), worked out only when asked
     */
    record CustomerMessage(
            IdentityId identity,
            Network channel,
            String recipient,
            String externalMessageId,
            Inbound content,
            boolean inGroup,
            Instant receivedAt,
            Supplier<Language> language,
            java.util.function.BooleanSupplier command) {
        public CustomerMessage {
            Objects.requireNonNull(identity, "identity");
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(content, "content");
            Objects.requireNonNull(language, "language");
            Objects.requireNonNull(command, "command");
        }
    }

    /** What the engine does with a message. */
    sealed interface Verdict permits BotAnswers, Answered, PersonOwns {}

    /** The bot owns the conversation: the dialogue answers. */
    record BotAnswers() implements Verdict {}

    /**
     * Not the dialogue's: these replies answer the message instead (the customer asked for a
     * person and is told their place in the queue; a rating button's thanks).
     */
    record Answered(List<Outbound> replies) implements Verdict {
        public Answered {
            replies = List.copyOf(replies);
        }
    }

    /**
     * A person or the queue owns the conversation: the bot says nothing. Only these automatic
     * notices (e.g. "never send your card number here") go to the customer's private chat.
     */
    record PersonOwns(List<Outbound> notices) implements Verdict {
        public PersonOwns {
            notices = List.copyOf(notices);
        }
    }

    /**
     * What the bot made of a message it answered.
     *
     * @param assistantUnsure the parser did not understand it and the assistant could not answer
     *     it with confidence (the hint or "not sure" went out), or she said "not it" or 👎
     * @param assistantSure the assistant answered it with confidence: no proof that it helped (it
     *     may be confidently wrong), so it neither counts toward the handoff nor ends the streak;
     *     a 👍 or a turn the assistant had no part in does (review 2026-12-07 assistant follow-up)
     */
    record BotTurn(Language language, boolean assistantUnsure, boolean assistantSure) {}

    Verdict heard(CustomerMessage message);

    /** After the bot answered: replies to add (a handoff after answers it was unsure of), mostly none. */
    List<Outbound> answered(CustomerMessage message, BotTurn turn);
}
