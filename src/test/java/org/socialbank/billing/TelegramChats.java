package org.socialbank.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.socialbank.billing.BillingChatIntegrationTests.RecordingSender;
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

/**
 * Chats on the Telegram fake over the real engine, for billing's chat tests: link one to a
 * customer, say and press in it, relay the outbox and read what the network was asked to send.
 */
final class TelegramChats {

    private final Conversations conversations;
    private final ChannelIdentities identities;
    private final JdbcLinking linkingStore;
    private final OutboxRelay relay;
    private final RecordingSender telegram;

    TelegramChats(Conversations conversations, ChannelIdentities identities, JdbcLinking linkingStore, OutboxRelay relay,
            RecordingSender telegram) {
        this.conversations = conversations;
        this.identities = identities;
        this.linkingStore = linkingStore;
        this.relay = relay;
        this.telegram = telegram;
    }

    String linkedChat(CustomerId customer) {
        String chat = "tg-" + UUID.randomUUID();
        ChannelIdentity identity = identities.identify(Network.TELEGRAM, chat, null, null);
        linkingStore.setCustomer(identity.id(), customer, java.time.Instant.now());
        return chat;
    }

    List<Outbound> say(String chat, String text) {
        return receive(new InboundMessage(Network.TELEGRAM, "m-" + UUID.randomUUID(), chat, null, null,
                new Inbound.Text(text), null));
    }

    List<Outbound> press(String chat, String messageId, String reference) {
        return receive(new InboundMessage(Network.TELEGRAM, messageId, chat, null, null, new Inbound.Button(reference),
                null));
    }

    List<Outbound> receive(InboundMessage message) {
        Received received = conversations.receive(message);
        assertThat(received).isInstanceOf(Received.Handled.class);
        return ((Received.Handled) received).replies().stream().map(OutboundMessage::content).toList();
    }

    <T extends Outbound> List<T> sent(String chat, Class<T> type) {
        return telegram.sent.stream().filter(m -> m.recipient().equals(chat)).map(OutboundMessage::content)
                .filter(type::isInstance).map(type::cast).toList();
    }

    List<String> texts(String chat) {
        return sent(chat, Outbound.Text.class).stream().map(t -> plain(t.text())).toList();
    }

    /** The text without the bidi isolates Persian sentences put around their arguments. */
    static String plain(String text) {
        return text.replaceAll("[\u2066-\u2069]", "");
    }

    void drain() {
        for (int run = 0; run < 20 && relay.relay() > 0; run++) {
            // until the outbox is empty
        }
    }
}
