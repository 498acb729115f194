package org.socialbank.conversation;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialbank.conversation.dialogue.Dialogue;
import org.socialbank.conversation.dialogue.DialogueState;
import org.socialbank.conversation.engine.AnswerRoute;
import org.socialbank.conversation.engine.ChatBank;
import org.socialbank.conversation.engine.JdbcConversations;
import org.socialbank.conversation.engine.JdbcConversations.Chat;
import org.socialbank.conversation.engine.Json;
import org.socialbank.conversation.engine.MessageTexts;
import org.socialbank.conversation.engine.Outbox;
import org.socialbank.conversation.language.CommandParser;
import org.socialbank.conversation.language.Context;
import org.socialbank.directory.ChannelIdentities;
import org.socialbank.directory.ChannelIdentity;
import org.socialbank.directory.Directory;
import org.socialbank.directory.IdentityId;
import org.socialbank.shared.Durability;
import org.socialbank.shared.Faults;
import org.socialbank.shared.Language;
import org.socialbank.shared.Races;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Handles what customers write, once per (channel, message id), in one transaction: the chat
 * account is identified, the message goes to the inbox, the conversation's row is locked, the
 * dialogue runs (booking a payment if it must) and its replies go to the outbox.
 *
 * <p>A message the dialogue throws for (a poison message: a broken invariant for this one input)
 * must not stall its channel: its effects are rolled back, it is recorded in the inbox as
 * {@code failed} in a transaction of its own (so a redelivery is a duplicate) and the customer
 * gets a refusal in their language. Infrastructure faults still reach the caller, so that the
 * platform delivers the message again.
 *
 * <p>A private answer to a group message whose sender's private chat the channel knows is not
 * open ({@link InboundMessage.PrivateChat#NOT_OPEN}) could never arrive: that turn is rolled back
 * with its effects (nothing was done that the member would not hear of), and in a transaction of
 * its own the message is recorded and the group told how to open the private chat.
 */
@Service
public class Conversations {

    private static final Logger log = LoggerFactory.getLogger(Conversations.class);
    private static final int TRIES_MAX = 3;

    private final JdbcConversations store;
    private final Outbox outbox;
    private final ChannelIdentities identities;
    private final ChatBank.Collaborators parts;
    private final Dialogue dialogue;
    private final Replies replies;
    private final Directory directory;
    private final MessageTexts texts;
    private final TransactionTemplate transactions;
    private final TransactionTemplate ownTransaction;
    private final TransactionTemplate savepoint;
    private final Durability durability;
    private final Clock clock;
    private final ConversationOwners owners;

    Conversations(
            JdbcConversations store,
            Outbox outbox,
            ChatBank.Collaborators parts,
            Directory directory,
            ChannelIdentities identities,
            MessageTexts texts,
            PlatformTransactionManager transactionManager,
            Durability durability,
            Clock clock,
            ConversationProperties properties,
            ObjectProvider<ConversationOwners> owners) {
        this.store = store;
        this.outbox = outbox;
        this.identities = identities;
        this.parts = parts;
        this.dialogue = new Dialogue(texts, properties.buttonTtl());
        this.replies = new Replies(outbox, dialogue);
        this.directory = directory;
        this.texts = texts;
        this.transactions = new TransactionTemplate(transactionManager);
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.savepoint = new TransactionTemplate(transactionManager);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.durability = durability;
        this.clock = clock;
        this.owners = owners.getIfAvailable(() -> BOT_ALWAYS);
    }

    /** Without a handoff module the bot owns every conversation. */
    private static final ConversationOwners BOT_ALWAYS = new ConversationOwners() {
        @Override
        public Verdict heard(CustomerMessage message) {
            return new BotAnswers();
        }

        @Override
        public List<Outbound> answered(CustomerMessage message, BotTurn turn) {
            return List.of();
        }
    };

    /**
     * Handles one message, or finds that it was handled before. A race lost to a concurrent
     * delivery of the same message (or of the first message of a new chat account) rolls the
     * whole transaction back and tries again, a bounded number of times: the next try then finds
     * the inbox row and answers {@link Received.Duplicate}. A poison message is answered
     * {@link Received.Handled} with the refusal (see the class comment).
     */
    public Received receive(InboundMessage message) {
        return take(message, NOTHING_ALONGSIDE).received();
    }

    private static final Consumer<Received.Handled> NOTHING_ALONGSIDE = handled -> {};

    /**
     * Handles one message as {@link #receive(InboundMessage)} does, and runs {@code alongside} in
     * the message's own transaction, after its effects and before its commit: a channel's own
     * record of a handled delivery (its update id, the chat's address) then commits with the
     * message, one commit instead of one for each (issue 22). {@code alongside} does not run for a
     * duplicate, nor for a poison message (whose effects are rolled back); it runs again if the
     * transaction does, after a lost race, so it must have no effect outside the database and must
     * let a lost race's exception through (a duplicate key then means "handled by another
     * delivery": the next try finds the message and answers as for a duplicate).
     *
     * @return whether {@code alongside} committed, with the message's effects; when not (a
     *     duplicate, a refused poison message), the caller records the delivery on its own
     */
    public boolean receiveAndRecord(InboundMessage message, Runnable alongside) {
        return take(message, handled -> alongside.run()).alongsideCommitted();
    }

    /**
     * As {@link #receiveAndRecord(InboundMessage, Runnable)}, {@code alongside} given the turn's
     * replies (those written to the outbox as its answer, not the alerts its effects pushed), before
     * the relay can send any of them: X's numbered choices end the sets a reply makes out of date
     * before a newer set is numbered (review 2026-12-07 channels follow-up).
     */
    public Received receive(InboundMessage message, Consumer<Received.Handled> alongside) {
        return take(message, alongside).received();
    }

    private record Taken(Received received, boolean alongsideCommitted) {}

    /**
     * One try at a message: what became of it, or, when its private answer could not arrive, the
     * language that answer was in (the try is then rolled back and the group note written instead).
     */
    private record Try(Received received, Language withheldIn) {
        static Try of(Received received) {
            return new Try(received, null);
        }
    }

    private Taken take(InboundMessage message, Consumer<Received.Handled> alongside) {
        Language withheld = null;
        for (int attempt = 1; ; attempt++) {
            boolean[] ran = {false};
            Language[] withholding = {null};
            Language noteIn = withheld;
            Received received;
            try {
                received = transactions.execute(status -> {
                    Try t = noteIn == null ? handle(message) : Try.of(openPrivateChat(message, noteIn));
                    if (t.withheldIn() != null) {
                        status.setRollbackOnly(); // the turn's effects go with the answer that cannot arrive
                        withholding[0] = t.withheldIn();
                        return null;
                    }
                    if (!(t.received() instanceof Received.Handled handled)) {
                        status.setRollbackOnly(); // not even the chat account's report is refreshed
                    } else {
                        alongside.accept(handled);
                        ran[0] = true;
                    }
                    return t.received();
                });
            } catch (DataAccessException e) {
                if (attempt >= TRIES_MAX || !Races.lost(e)) {
                    throw e;
                }
                continue;
            } catch (RuntimeException e) {
                if (Faults.infrastructure(e)) {
                    throw e;
                }
                received = refuse(message, e);
                ran[0] = false; // rolled back with the poison message's effects
            }
            if (withholding[0] != null) {
                withheld = withholding[0];
                attempt = 0; // the note's own transaction: a new try, not a lost race
                continue;
            }
            durability.awaitDurable();
            return new Taken(received, ran[0]);
        }
    }

    /**
     * A group message whose private answer was withheld (its turn rolled back): recorded as handled,
     * and the group hears, in the answer's language, how to open the private chat.
     */
    private Received openPrivateChat(InboundMessage message, Language language) {
        ChannelIdentity identity = identify(message);
        if (store.inboxHas(message.channel(), message.externalMessageId())) {
            return new Received.Duplicate();
        }
        store.insertInbox(
                message.channel(),
                message.externalMessageId(),
                identity.id(),
                message.content().kind(),
                clock.instant());
        Chat chat = new Chat(identity.id(), message.channel(), message.externalUserId());
        return new Received.Handled(List.of(replies.openPrivateChat(message, chat, language)));
    }

    /**
     * The chat account that wrote; a message in a group says nothing of whether its private chat
     * takes the bank's messages, so it does not make an unreachable account reachable again.
     */
    private ChannelIdentity identify(InboundMessage message) {
        return message.inGroup()
                ? identities.identifyInGroup(
                        message.channel(), message.externalUserId(), message.handle(), message.phone())
                : identities.identifyWriter(
                        message.channel(), message.externalUserId(), message.handle(), message.phone());
    }

    /**
     * Records a poison message as handled with an error and writes the refusal, in a transaction
     * of its own (the failed one was rolled back with everything it did).
     */
    private Received refuse(InboundMessage message, RuntimeException poison) {
        log.warn(
                "{} message {}: its handling failed; recorded as failed and refused",
                message.channel().wireName(),
                message.externalMessageId(),
                poison);
        for (int attempt = 1; ; attempt++) {
            try {
                return ownTransaction.execute(status -> {
                    ChannelIdentity identity = identify(message);
                    if (store.inboxHas(message.channel(), message.externalMessageId())) {
                        status.setRollbackOnly();
                        return new Received.Duplicate();
                    }
                    store.insertFailedInbox(
                            message.channel(),
                            message.externalMessageId(),
                            identity.id(),
                            message.content().kind(),
                            poison.getClass().getSimpleName(),
                            clock.instant());
                    Chat chat = new Chat(
                            identity.id(),
                            message.channel(),
                            message.inGroup() ? message.groupId() : message.externalUserId());
                    Language language = refusalLanguage(identity.id(), message);
                    String text = texts.text(language, "conversation.failed");
                    return new Received.Handled(List.of(outbox.write(chat, new Outbound.Text(text))));
                });
            } catch (DataAccessException e) {
                if (attempt >= TRIES_MAX || !Races.lost(e)) {
                    throw e;
                }
            }
        }
    }

    /** The chat's chosen language, else the linked customer's, else the text's, else English. */
    private Language refusalLanguage(IdentityId identity, InboundMessage message) {
        Optional<Language> chosen =
                store.lockConversation(identity).map(c -> Json.state(c.state()).language());
        if (chosen.isPresent()) {
            return chosen.get();
        }
        Optional<Language> customers = identities
                .linkedCustomer(identity)
                .flatMap(directory::customer)
                .map(v -> v.customer().language());
        if (customers.isPresent()) {
            return customers.get();
        }
        if (message.content() instanceof Inbound.Text text) {
            try {
                return new CommandParser()
                        .parse(text.text(), Optional.empty(), Context.of(message.channel(), null))
                        .language();
            } catch (RuntimeException unreadable) {
                return Language.EN; // the parser is total; should it ever throw, English is still an answer
            }
        }
        return Language.EN;
    }

    private Try handle(InboundMessage message) {
        ChannelIdentity identity = identify(message);
        if (store.inboxHas(message.channel(), message.externalMessageId())) {
            return Try.of(new Received.Duplicate());
        }
        store.insertInbox(
                message.channel(),
                message.externalMessageId(),
                identity.id(),
                message.content().kind(),
                clock.instant());
        Chat chat = new Chat(identity.id(), message.channel(), message.externalUserId());
        JdbcConversations.Conversation conversation = lockOrCreate(chat);
        ConversationOwners.CustomerMessage heard = customerMessage(message, chat, conversation);
        ConversationOwners.Verdict verdict = owners.heard(heard);
        if (verdict instanceof ConversationOwners.Answered answered) {
            return Try.of(new Received.Handled(notOwnAnswer(message, chat, conversation, answered.replies())));
        }
        if (verdict instanceof ConversationOwners.PersonOwns person && !consentOnly(message, conversation)) {
            // the bot says nothing
            return Try.of(new Received.Handled(notOwnAnswer(message, chat, conversation, person.notices())));
        }
        ChatBank bank = new ChatBank(
                parts,
                identity.id(),
                message.channel(),
                message.externalMessageId(),
                message.externalUserId(),
                message.handle(),
                identity.customer());
        Dialogue.Step step = dialogue.handle(
                Json.state(conversation.state()), message.channel(), message.content(), message.inGroup(), bank);
        AnswerRoute route = AnswerRoute.of(
                message.inGroup(),
                message.privateChat(),
                step.shareable(),
                !step.replies().isEmpty());
        if (route == AnswerRoute.WITHHELD && !consentOnly(message, conversation)) {
            // undone by the caller with all it did; a withdrawal of consent keeps its effect (issue 19)
            return new Try(null, step.language());
        }
        store.updateConversation(
                identity.id(),
                Json.state(step.state()),
                conversation.version() + 1,
                bank.linkedCustomer().orElse(null),
                clock.instant());
        List<OutboundMessage> written = new java.util.ArrayList<>(replies.deliver(message, chat, step, route));
        if (verdict instanceof ConversationOwners.BotAnswers
                && AnswerRoute.privateChatTakes(message.inGroup(), message.privateChat())) {
            written.addAll(replies.write(
                    chat,
                    owners.answered(
                            heard,
                            new ConversationOwners.BotTurn(
                                    step.language(), bank.assistantUnsure(), bank.assistantSure()))));
        }
        return Try.of(new Received.Handled(written));
    }

    /** The message as the conversation's owner sees it; its language is worked out only when asked. */
    private ConversationOwners.CustomerMessage customerMessage(
            InboundMessage message, Chat chat, JdbcConversations.Conversation conversation) {
        Language[] language = new Language[1];
        return new ConversationOwners.CustomerMessage(
                chat.identityId(),
                chat.channel(),
                chat.recipient(),
                message.externalMessageId(),
                message.content(),
                message.inGroup(),
                clock.instant(),
                () -> {
                    if (language[0] == null) {
                        language[0] = refusalLanguage(chat.identityId(), message);
                    }
                    return language[0];
                },
                () -> readsAsCommand(message, conversation));
    }

    /**
     * Whether the parser reads the text as a command with an amount or a phone number: "pay the
     * agent 20", "пополни телефон +7916... оператор МТС 500" are not requests for a person (review
     * 2026-12-07 assistant follow-up).
     */
    private static boolean readsAsCommand(InboundMessage message, JdbcConversations.Conversation conversation) {
        if (!(message.content() instanceof Inbound.Text text)) {
            return false;
        }
        org.socialbank.conversation.language.ParsedCommand command = new CommandParser()
                .parse(
                        text.text(),
                        Optional.ofNullable(Json.state(conversation.state()).language()),
                        Context.of(message.channel(), null));
        return command.intent() != org.socialbank.conversation.language.Intent.UNKNOWN
                && (command.amount().isPresent()
                        || command.payees().stream()
                                .anyMatch(p -> p.type() == org.socialbank.conversation.language.PayeeType.PHONE));
    }

    /**
     * Issue 19: while a person owns the conversation the dialogue still runs for a withdrawal of
     * consent (a platform's stop or block, a STOP word alone), whose effect must not wait for the
     * agent and whose confirmation is the law's, not the bot's chatter.
     */
    private boolean consentOnly(InboundMessage message, JdbcConversations.Conversation conversation) {
        if (message.content() instanceof Inbound.Stop || message.content() instanceof Inbound.Blocked) {
            return true;
        }
        return message.content() instanceof Inbound.Text text
                && new CommandParser()
                                .parse(
                                        text.text(),
                                        Optional.ofNullable(
                                                Json.state(conversation.state()).language()),
                                        Context.of(message.channel(), null))
                                .intent()
                        == org.socialbank.conversation.language.Intent.STOP;
    }

    /**
     * Replies that are not the dialogue's (the owner's notices), always to the sender's private
     * chat, unless the channel knows that chat is not open; the dialogue's state is kept, the chat
     * counts as active (alerts go to the latest chat).
     */
    private List<OutboundMessage> notOwnAnswer(
            InboundMessage message, Chat chat, JdbcConversations.Conversation conversation, List<Outbound> notices) {
        store.updateConversation(
                chat.identityId(),
                conversation.state(),
                conversation.version() + 1,
                identities.linkedCustomer(chat.identityId()).orElse(null),
                clock.instant());
        if (!AnswerRoute.privateChatTakes(message.inGroup(), message.privateChat())) {
            return List.of(); // it would never arrive
        }
        return replies.write(chat, notices);
    }

    /** Locks the conversation's row, creating it first if needed; a concurrent creation is waited for. */
    private JdbcConversations.Conversation lockOrCreate(Chat chat) {
        IdentityId id = chat.identityId();
        return store.lockConversation(id).orElseGet(() -> {
            try {
                savepoint.executeWithoutResult(
                        s -> store.insertConversation(chat, Json.state(DialogueState.NEW), clock.instant()));
            } catch (DuplicateKeyException raced) {
                // another message of the same chat created it first; lock it like any other
            }
            return store.lockConversation(id).orElseThrow();
        });
    }
}
