package org.socialbank.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.socialbank.conversation.ChannelSender;
import org.socialbank.conversation.OutboundMessage;
import org.socialbank.conversation.SendOutcome;
import org.socialbank.shared.Network;

/**
 * The Telegram network as the outbox relay sees it: it records what it is asked to send and says
 * every send succeeded. Declared by {@link ChatFakes}; read it through {@link Chats#sent}.
 */
public final class RecordingSender implements ChannelSender {

    private final List<OutboundMessage> sent = new CopyOnWriteArrayList<>();

    @Override
    public Network network() {
        return Network.TELEGRAM;
    }

    @Override
    public SendOutcome send(OutboundMessage message, String idempotencyKey) {
        sent.add(message);
        return new SendOutcome.Sent();
    }

    /** Everything sent so far, in order. */
    public List<OutboundMessage> sent() {
        return List.copyOf(sent);
    }

    /** What was sent to one recipient, in order. */
    public List<OutboundMessage> to(String recipient) {
        return sent.stream().filter(m -> m.recipient().equals(recipient)).toList();
    }
}
