package org.socialbank.conversation.engine;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.socialbank.conversation.ChannelSender;
import org.socialbank.conversation.OutboundMessage;
import org.socialbank.conversation.SendOutcome;
import org.socialbank.shared.Network;

/** A channel that records what it was asked to send and answers from a script per recipient. */
final class FakeSender implements ChannelSender {

    private final Network network;
    final List<OutboundMessage> sent = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<SendOutcome>> scripts = new ConcurrentHashMap<>();

    private final boolean resendSafe;

    FakeSender(Network network) {
        this(network, false);
    }

    FakeSender(Network network, boolean resendSafe) {
        this.network = network;
        this.resendSafe = resendSafe;
    }

    @Override
    public boolean resendSafe() {
        return resendSafe;
    }

    /** The next sends to this recipient answer these outcomes, in order; then Sent. */
    void script(String recipient, SendOutcome... outcomes) {
        scripts.put(recipient, new ArrayDeque<>(List.of(outcomes)));
    }

    List<OutboundMessage> to(String recipient) {
        return sent.stream().filter(m -> m.recipient().equals(recipient)).toList();
    }

    @Override
    public Network network() {
        return network;
    }

    @Override
    public SendOutcome send(OutboundMessage message, String idempotencyKey) {
        if (!idempotencyKey.equals(message.id().toString())) {
            throw new IllegalStateException("the idempotency key is the outbox id");
        }
        Deque<SendOutcome> script = scripts.get(message.recipient());
        SendOutcome outcome = script == null ? null : script.pollFirst();
        if (outcome == null || outcome instanceof SendOutcome.Sent) {
            sent.add(message);
            Thread.yield(); // widen the window in which two relays could meet
            return new SendOutcome.Sent();
        }
        return outcome;
    }
}
