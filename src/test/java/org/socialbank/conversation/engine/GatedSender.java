package org.socialbank.conversation.engine;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.socialbank.conversation.ChannelSender;
import org.socialbank.conversation.OutboundMessage;
import org.socialbank.conversation.SendOutcome;
import org.socialbank.shared.Network;

/**
 * A channel for the relay's tests: answers per recipient from a rule (Sent by default), can hold
 * the next send to a recipient at a gate, and records what it sent and the most sends to one chat that
 * were ever under way at once.
 */
final class GatedSender implements ChannelSender {

    final List<OutboundMessage> sent = new CopyOnWriteArrayList<>();
    final AtomicInteger mostInFlightPerChat = new AtomicInteger();
    private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    private final Map<String, Function<OutboundMessage, SendOutcome>> rules = new ConcurrentHashMap<>();
    private final Map<String, Gate> gates = new ConcurrentHashMap<>();

    /** The next send to a recipient waits at this gate, then answers {@code outcome}. */
    record Gate(CountDownLatch entered, CountDownLatch release, SendOutcome outcome) {
        void open() {
            release.countDown();
        }

        void awaitEntered() throws InterruptedException {
            if (!entered.await(60, TimeUnit.SECONDS)) {
                throw new AssertionError("no send reached the gate");
            }
        }
    }

    @Override
    public Network network() {
        return Network.TELEGRAM;
    }

    void rule(String recipient, Function<OutboundMessage, SendOutcome> rule) {
        rules.put(recipient, rule);
    }

    Gate gate(String recipient, SendOutcome outcome) {
        Gate gate = new Gate(new CountDownLatch(1), new CountDownLatch(1), outcome);
        gates.put(recipient, gate);
        return gate;
    }

    List<OutboundMessage> to(String recipient) {
        return sent.stream().filter(m -> m.recipient().equals(recipient)).toList();
    }

    @Override
    public SendOutcome send(OutboundMessage message, String idempotencyKey) {
        AtomicInteger chat = inFlight.computeIfAbsent(message.recipient(), r -> new AtomicInteger());
        mostInFlightPerChat.accumulateAndGet(chat.incrementAndGet(), Math::max);
        try {
            Gate gate = gates.remove(message.recipient());
            SendOutcome outcome;
            if (gate != null) {
                gate.entered().countDown();
                if (!gate.release().await(60, TimeUnit.SECONDS)) {
                    return new SendOutcome.Failed(true, "the gate never opened");
                }
                outcome = gate.outcome();
            } else {
                outcome = rules.getOrDefault(message.recipient(), m -> new SendOutcome.Sent())
                        .apply(message);
            }
            if (outcome instanceof SendOutcome.Sent) {
                sent.add(message);
            }
            return outcome;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new SendOutcome.Failed(true, "interrupted");
        } finally {
            chat.decrementAndGet();
        }
    }
}
