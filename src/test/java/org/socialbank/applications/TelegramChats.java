package org.socialbank.applications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.socialbank.applications.ApplicationsIntegrationTests.RecordingSender;
import org.socialbank.conversation.Conversations;
import org.socialbank.conversation.Inbound;
import org.socialbank.conversation.InboundMessage;
import org.socialbank.conversation.Outbound;
import org.socialbank.conversation.OutboundMessage;
import org.socialbank.conversation.Received;
import org.socialbank.conversation.engine.OutboxRelay;
import org.socialbank.directory.ChannelIdentity;
import org.socialbank.directory.CustomerId;
import org.socialbank.directory.ChannelIdentities;
import org.socialbank.shared.Network;
import org.socialbank.directory.jdbc.JdbcLinking;

/** Telegram chats over the real conversation engine: linked to a customer, spoken to, and what the relay sent them. */
final class TelegramChats {

    private final Conversations conversations;
    private final ChannelIdentities identities;
    private final JdbcLinking linkingStore;
    private final OutboxRelay relay;
    private final RecordingSender telegram;
    private final Clock clock;

    TelegramChats(Conversations conversations, ChannelIdentities identities, JdbcLinking linkingStore, OutboxRelay relay,
            RecordingSender telegram, Clock clock) {
        this.conversations = conversations;
        this.identities = identities;
        this.linkingStore = linkingStore;
        this.relay = relay;
        this.telegram = telegram;
        this.clock = clock;
    }

    /** A private chat linked to the customer. */
    String linked(CustomerId customer) {
        String chat = "tg-" + UUID.randomUUID();
        ChannelIdentity identity = identities.identify(Network.TELEGRAM, chat, null, null);
        linkingStore.setCustomer(identity.id(), customer, clock.instant());
        return chat;
    }

    /** The engine's replies to a message in the chat. */
    List<Outbound> say(String chat, String text) {
        Received received = conversations.receive(new InboundMessage(Network.TELEGRAM, "m-" + UUID.randomUUID(), chat,
                null, null, new Inbound.Text(text), null));
        assertThat(received).isInstanceOf(Received.Handled.class);
        return ((Received.Handled) received).replies().stream().map(OutboundMessage::content).toList();
    }

    static String text(List<Outbound> replies) {
        assertThat(replies.get(0)).isInstanceOf(Outbound.Text.class);
        return ((Outbound.Text) replies.get(0)).text();
    }

    /** The texts the relay sent to the chat that contain {@code part}. */
    List<String> told(String chat, String part) {
        return telegram.sent.stream().filter(m -> m.recipient().equals(chat)).map(OutboundMessage::content)
                .filter(Outbound.Text.class::isInstance).map(c -> ((Outbound.Text) c).text())
                .filter(t -> t.contains(part)).toList();
    }

    /** The links (with their buttons) the relay sent to the chat. */
    List<Outbound.Link> links(String chat) {
        return telegram.sent.stream().filter(m -> m.recipient().equals(chat)).map(OutboundMessage::content)
                .filter(Outbound.Link.class::isInstance).map(Outbound.Link.class::cast).toList();
    }

    /** Relays the outbox until it is empty. */
    void drain() {
        for (int run = 0; run < 20 && relay.relay() > 0; run++) {
            // until the outbox is empty
        }
    }
}
