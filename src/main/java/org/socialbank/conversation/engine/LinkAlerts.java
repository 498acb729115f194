package org.socialbank.conversation.engine;

import java.time.Clock;
import org.socialbank.conversation.Outbound;
import org.socialbank.conversation.dialogue.DialogueState;
import org.socialbank.directory.ChannelIdentities;
import org.socialbank.directory.ChannelIdentity;
import org.socialbank.directory.Directory;
import org.socialbank.directory.IdentityForgotten;
import org.socialbank.directory.IdentityLinked;
import org.socialbank.directory.IdentityUnlinked;
import org.socialbank.directory.PhoneLinkStarted;
import org.socialbank.shared.Network;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells a chat it was linked, and alerts the customer's other chats ("not you? unlink here").
 * Plain {@link EventListener}s run inside the transaction that links: the alerts are in the
 * outbox if and only if the link committed, and none is lost to a crash in between.
 */
@Component
class LinkAlerts {

    private final JdbcConversations store;
    private final Outbox outbox;
    private final ChannelIdentities identities;
    private final MessageTexts texts;
    private final Directory directory;
    private final Clock clock;

    LinkAlerts(
            JdbcConversations store,
            Outbox outbox,
            ChannelIdentities identities,
            MessageTexts texts,
            Directory directory,
            Clock clock) {
        this.store = store;
        this.outbox = outbox;
        this.identities = identities;
        this.texts = texts;
        this.directory = directory;
        this.clock = clock;
    }

    @EventListener
    void on(IdentityLinked event) {
        store.setCustomer(event.identityId(), event.customerId());
        ChannelIdentity linked = identities.identity(event.identityId()).orElseThrow();
        store.setRecipient(linked.id(), linked.externalId()); // a web chat got a new session id as it was linked
        outbox.write(
                new JdbcConversations.Chat(linked.id(), linked.channel(), linked.externalId()),
                new Outbound.Text(
                        texts.text(event.language(), "conversation.linked", channelName(event.channel(), event))));
        for (JdbcConversations.Chat other : store.chatsOf(event.customerId())) {
            boolean stillTheirs = identities
                    .linkedCustomer(other.identityId())
                    .filter(event.customerId()::equals)
                    .isPresent();
            if (!other.identityId().equals(event.identityId()) && stillTheirs) {
                outbox.write(
                        other,
                        new Outbound.Text(texts.text(
                                event.language(),
                                "conversation.link_alert",
                                channelName(event.channel(), event),
                                event.unlinkUrl())));
            }
        }
    }

    /** A shared phone matched: the chat learns where to type the code sent to that phone. */
    @EventListener
    void on(PhoneLinkStarted event) {
        ChannelIdentity chat = identities.identity(event.identityId()).orElseThrow();
        outbox.write(
                new JdbcConversations.Chat(chat.id(), chat.channel(), chat.externalId()),
                new Outbound.Text(texts.text(
                        event.language(), "conversation.link.phone_code", event.maskedPhone(), event.url())));
    }

    @EventListener
    void on(IdentityUnlinked event) {
        store.setCustomer(event.identityId(), null);
        // the chat spoke the customer's language while linked; it goes on speaking it
        directory
                .customer(event.customerId())
                .map(v -> v.customer().language())
                .ifPresent(spoken -> store.lockConversation(event.identityId()).ifPresent(c -> {
                    DialogueState state = Json.state(c.state());
                    DialogueState kept = state.keepingLanguage(spoken);
                    if (kept != state) {
                        store.updateConversation(
                                event.identityId(), Json.state(kept), c.version() + 1, null, clock.instant());
                    }
                }));
    }

    /** The network asked us to forget the account (WeChat unsubscribe): its conversation goes too. */
    @EventListener
    void on(IdentityForgotten event) {
        store.forget(event.identityId());
    }

    private String channelName(Network channel, IdentityLinked event) {
        return texts.text(event.language(), "channel." + channel.wireName());
    }
}
