package org.socialbank.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.socialbank.conversation.Conversations;
import org.socialbank.conversation.Inbound;
import org.socialbank.conversation.InboundMessage;
import org.socialbank.conversation.Outbound;
import org.socialbank.conversation.OutboundMessage;
import org.socialbank.conversation.Received;
import org.socialbank.conversation.engine.OutboxRelay;
import org.socialbank.directory.ChannelIdentities;
import org.socialbank.directory.ChannelIdentity;
import org.socialbank.directory.CustomerId;
import org.socialbank.directory.IdentityId;
import org.socialbank.directory.jdbc.JdbcLinking;
import org.socialbank.shared.Network;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Chats driven through the real conversation engine, for integration tests: say something in a
 * chat and read the replies, read what the outbox relay sent (with {@link ChatFakes}' recording
 * Telegram sender) and run the relay until nothing is due. A bean: {@code @Import(ChatFakes.class)}
 * (or {@code @Import(Chats.class)} to keep the context's own senders), then autowire it.
 */
public class Chats {

    /** Relay runs {@link #drain()} makes at most: rows of earlier tests may be due too. */
    static final int RELAY_RUNS_MAX = 100;

    private final Conversations conversations;
    private final OutboxRelay relay;
    private final ChannelIdentities identities;
    private final JdbcLinking linkingStore;
    private final Clock clock;
    private final ObjectProvider<RecordingSender> telegram;

    Chats(
            Conversations conversations,
            OutboxRelay relay,
            ChannelIdentities identities,
            JdbcLinking linkingStore,
            Clock clock,
            ObjectProvider<RecordingSender> telegram) {
        this.conversations = conversations;
        this.relay = relay;
        this.identities = identities;
        this.linkingStore = linkingStore;
        this.clock = clock;
        this.telegram = telegram;
    }

    /** A Telegram chat nobody has written in yet. */
    public static String newChat() {
        return "tg-" + UUID.randomUUID();
    }

    /** A new Telegram chat linked to the customer, as a finished linking would leave it. */
    public String linkedTo(CustomerId customer) {
        return linkedTo(Network.TELEGRAM, newChat(), customer);
    }

    /**
     * A new Telegram chat the customer linked {@code ago} before now: e.g. past the risk policy's
     * new-chat window (security review #4), as a chat its customer has used for a while.
     */
    public String linkedTo(CustomerId customer, Duration ago) {
        String chat = newChat();
        link(Network.TELEGRAM, chat, customer, clock.instant().minus(ago));
        return chat;
    }

    /** The account on the network, linked to the customer now. */
    public String linkedTo(Network network, String account, CustomerId customer) {
        link(network, account, customer, clock.instant());
        return account;
    }

    private void link(Network network, String account, CustomerId customer, java.time.Instant linkedAt) {
        ChannelIdentity identity = identities.identify(network, account, null, null);
        linkingStore.setCustomer(identity.id(), customer, linkedAt);
    }

    /** The channel identity of a Telegram chat (made when absent). */
    public IdentityId identity(String chat) {
        return identity(Network.TELEGRAM, chat);
    }

    public IdentityId identity(Network network, String account) {
        return identities.identify(network, account, null, null).id();
    }

    /** The engine's answer to a message in a private Telegram chat, whatever it is. */
    public Received receive(String chat, Inbound content) {
        return receive(Network.TELEGRAM, chat, content);
    }

    public Received receive(Network network, String account, Inbound content) {
        return receive(new InboundMessage(network, "m-" + UUID.randomUUID(), account, null, null, content));
    }

    /** The engine's answer to one message as built by the test (e.g. delivered a second time). */
    public Received receive(InboundMessage message) {
        return conversations.receive(message);
    }

    /** Says a text in a Telegram chat; the engine must handle it. Returns the replies. */
    public List<Outbound> say(String chat, String text) {
        return say(Network.TELEGRAM, chat, new Inbound.Text(text));
    }

    /** Says (or presses) something in a Telegram chat; the engine must handle it. */
    public List<Outbound> say(String chat, Inbound content) {
        return say(Network.TELEGRAM, chat, content);
    }

    public List<Outbound> say(Network network, String account, Inbound content) {
        return say(new InboundMessage(network, "m-" + UUID.randomUUID(), account, null, null, content));
    }

    /** Sends one message as built by the test (its own message id, to deliver it twice); handled. */
    public List<Outbound> say(InboundMessage message) {
        Received received = receive(message);
        assertThat(received).isInstanceOf(Received.Handled.class);
        return ((Received.Handled) received)
                .replies().stream().map(OutboundMessage::content).toList();
    }

    /** The text of the first reply, which must be a text. */
    public static String text(List<Outbound> replies) {
        assertThat(replies).isNotEmpty();
        assertThat(replies.get(0)).isInstanceOf(Outbound.Text.class);
        return ((Outbound.Text) replies.get(0)).text();
    }

    /** A text without the bidi isolates (U+2066..U+2069) Persian sentences put around their arguments. */
    public static String plain(String text) {
        return text.replaceAll("[\u2066-\u2069]", "");
    }

    /** The texts the relay sent to a Telegram chat, in order. */
    public List<String> sent(String chat) {
        return sent(chat, Outbound.Text.class).stream().map(Outbound.Text::text).toList();
    }

    /** What of one kind the relay sent to a Telegram chat, in order. */
    public <T extends Outbound> List<T> sent(String chat, Class<T> type) {
        return recording().to(chat).stream()
                .map(OutboundMessage::content)
                .filter(type::isInstance)
                .map(type::cast)
                .toList();
    }

    /** The texts sent to a chat that contain {@code part}. */
    public List<String> told(String chat, String part) {
        // matched without the isolation marks (U+2066..U+2069) Persian messages put around placeholders
        return sent(chat).stream()
                .filter(t -> withoutIsolates(t).contains(withoutIsolates(part)))
                .toList();
    }

    /** The text without Unicode's directional isolates (U+2066..U+2069), to compare what a reader sees. */
    public static String withoutIsolates(String text) {
        return text.replaceAll("[\u2066-\u2069]", "");
    }

    /** Runs the relay until it has nothing due left. */
    public void drain() {
        for (int run = 0; run < RELAY_RUNS_MAX && relay.relay() > 0; run++) {
            // until the outbox is empty
        }
    }

    private RecordingSender recording() {
        RecordingSender sender = telegram.getIfAvailable();
        if (sender == null) {
            throw new IllegalStateException("no RecordingSender in this context: @Import(ChatFakes.class)");
        }
        return sender;
    }
}
