package org.socialbank.listening.cases;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.socialbank.conversation.ChatMessages;
import org.socialbank.directory.ChannelIdentities;
import org.socialbank.directory.ChannelIdentity;
import org.socialbank.directory.CustomerId;
import org.socialbank.listening.Mention;
import org.socialbank.listening.Mentions;
import org.socialbank.shared.Network;
import org.socialbank.shared.Secrets;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Private answers from a case. A mention written by a linked customer is answered in the chat
 * the customer wrote from when it is linked to them, else in their newest reachable linked chat;
 * anything but a full card number, a PIN or a one-time code may be said there. An author who is not a linked customer can
 * be written to privately only where the network lets the bank open a direct conversation (X);
 * the bank does not know who reads it, so such a message is held to the public-reply rules. The
 * message goes through the conversation outbox, in the transaction that records it.
 */
@Service
public class PrivateReplies {

    public static final int TEXT_MAX = 2000;

    private final CaseStore store;
    private final Mentions mentions;
    private final ChannelIdentities identities;
    private final ChatMessages chats;
    private final Clock clock;

    PrivateReplies(CaseStore store, Mentions mentions, ChannelIdentities identities, ChatMessages chats, Clock clock) {
        this.store = store;
        this.mentions = mentions;
        this.identities = identities;
        this.chats = chats;
        this.clock = clock;
    }

    /** Where a private message about this mention would go now, if anywhere. */
    public Optional<PrivateRoute> route(Mention mention) {
        Optional<ChannelIdentity> author = authorChat(mention);
        if (author.filter(ChannelIdentity::linked).isPresent()) {
            return author.map(a -> new PrivateRoute(a, true)); // the very account that wrote, linked now
        }
        Optional<ChannelIdentity> linked = mention.customer().flatMap(this::newestLinkedChat);
        if (linked.isPresent()) {
            return linked.map(a -> new PrivateRoute(a, true));
        }
        return author.filter(a -> a.channel() == Network.X).map(a -> new PrivateRoute(a, false));
    }

    /**
     * Sends a private message on the case. Refused: {@code case_not_found}, {@code case_closed},
     * {@code no_private_channel}, {@code invalid_message} (empty or over 2,000 characters),
     * {@code secret_card_number} and {@code secret} (a PIN or a one-time code: never in a chat), or
     * for an unlinked author the public-reply reasons; {@code invalid_client_id}. Once per
     * {@code clientId} (the form's): a repeat answers the case as the first left it, and a repeat
     * racing the first fails on the UNIQUE (case, client id), its outbox message rolled back with it.
     */
    @Transactional
    public CaseResult send(CaseId id, String author, String clientId, String text) {
        Optional<Case> found = store.byId(id);
        if (found.isEmpty()) {
            return new CaseResult.Rejected("case_not_found");
        }
        if (!Cases.validClientId(clientId)) {
            return new CaseResult.Rejected("invalid_client_id");
        }
        if (store.messaged(id, clientId)) {
            return new CaseResult.Done(found.get());
        }
        if (found.get().status() == CaseStatus.CLOSED) {
            return new CaseResult.Rejected("case_closed");
        }
        Optional<PrivateRoute> route =
                route(mentions.find(found.get().mentionId()).orElseThrow());
        if (route.isEmpty()) {
            return new CaseResult.Rejected("no_private_channel");
        }
        String t = text == null ? "" : text.strip();
        if (t.isEmpty() || t.length() > TEXT_MAX) {
            return new CaseResult.Rejected("invalid_message");
        }
        Optional<String> refused = refusal(t, route.get().linkedCustomer());
        if (refused.isPresent()) {
            return new CaseResult.Rejected(refused.get());
        }
        ChannelIdentity chat = route.get().chat();
        UUID outbox =
                chats.write(chat.id(), chat.channel(), chat.externalId(), t).id();
        Instant now = clock.instant();
        store.insertMessage(
                id,
                clientId,
                chat,
                new PrivateMessage(
                        author,
                        t,
                        chat.channel(),
                        route.get().linkedCustomer(),
                        now,
                        Optional.of(outbox),
                        Optional.empty()));
        store.answered(id, now);
        return new CaseResult.Done(store.byId(id).orElseThrow());
    }

    /** The case's private messages, oldest first, each with its delivery as the outbox knows it now. */
    @Transactional(readOnly = true)
    public List<PrivateMessage> messages(CaseId id) {
        List<PrivateMessage> messages = store.messages(id);
        Map<UUID, ChatMessages.Delivery> deliveries = chats.deliveries(
                messages.stream().flatMap(m -> m.outboxId().stream()).toList());
        return messages.stream().map(m -> m.withDelivery(deliveries)).toList();
    }

    /**
     * Why this text may not go: a card number, a PIN or a one-time code never ({@link Secrets});
     * to an unlinked author, nothing personal.
     */
    static Optional<String> refusal(String text, boolean linkedCustomer) {
        if (!linkedCustomer) {
            return Neutrality.check(text) instanceof Neutrality.NotNeutral no
                    ? Optional.of(no.reason().code())
                    : Optional.empty();
        }
        if (Neutrality.holdsCardNumber(text)) {
            return Optional.of("secret_card_number");
        }
        return Secrets.screen(text).secret() ? Optional.of("secret") : Optional.empty();
    }

    /** The chat account that wrote the mention, when its source is a chat network and the bank may write to it. */
    private Optional<ChannelIdentity> authorChat(Mention mention) {
        Optional<Network> network = Network.fromWireName(mention.source());
        if (network.isEmpty() || mention.author() == null) {
            return Optional.empty();
        }
        String id = mention.author().startsWith("@") ? mention.author().substring(1) : mention.author();
        if (id.isEmpty() || id.length() > ChannelIdentity.EXTERNAL_ID_LENGTH_MAX) {
            return Optional.empty();
        }
        return identities.reachable(network.get(), id);
    }

    private Optional<ChannelIdentity> newestLinkedChat(CustomerId customer) {
        return identities.linkedChats(customer, Locale.ROOT).stream()
                .map(c -> identities.identity(c.id()).filter(i -> i.reachable() && customer.equals(i.customerId())))
                .flatMap(Optional::stream)
                .findFirst();
    }
}
