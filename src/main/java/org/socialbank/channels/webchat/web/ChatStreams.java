package org.socialbank.channels.webchat.web;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.socialbank.channels.webchat.WebChatProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Counts the open {@code /chat/stream}s, per visitor, per network address ({@link
 * WebChatSessions#addressKey}) and on this node, and tells them to end when the application stops
 * (before the web server's graceful shutdown waits for them). All three bounds are this node's:
 * behind a load balancer a visitor or an address may hold the bound on each node.
 */
@Component
class ChatStreams implements SmartLifecycle {

    private final ConcurrentHashMap<String, Integer> perVisitor = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Integer> perAddress = new ConcurrentHashMap<>();
    private final AtomicInteger total = new AtomicInteger();
    private final WebChatProperties properties;
    private volatile boolean running;

    ChatStreams(WebChatProperties properties) {
        this.properties = properties;
    }

    sealed interface Opened permits Open, TooManyForVisitor, TooManyForAddress, TooMany {}

    record Open() implements Opened {}

    record TooManyForVisitor() implements Opened {}

    /** One host minting visitors (a {@code GET /chat} each) to hold the node's streams (review 2026-12-07). */
    record TooManyForAddress() implements Opened {}

    record TooMany() implements Opened {}

    /** Opens a stream of {@code visitor} from {@code address} (a {@link WebChatSessions#addressKey}). */
    Opened open(String visitor, String address) {
        if (total.incrementAndGet() > properties.streamsMax()) {
            total.decrementAndGet();
            return new TooMany();
        }
        if (!take(perAddress, address, properties.streamsPerAddressMax())) {
            total.decrementAndGet();
            return new TooManyForAddress();
        }
        if (!take(perVisitor, visitor, properties.streamsPerVisitorMax())) {
            give(perAddress, address);
            total.decrementAndGet();
            return new TooManyForVisitor();
        }
        return new Open();
    }

    void close(String visitor, String address) {
        total.decrementAndGet();
        give(perVisitor, visitor);
        give(perAddress, address);
    }

    /** Counts one more under {@code key} unless that passes {@code max}; says whether it counted. */
    private static boolean take(ConcurrentHashMap<String, Integer> counts, String key, int max) {
        boolean[] taken = new boolean[1];
        counts.compute(key, (k, count) -> {
            int wanted = count == null ? 1 : count + 1;
            taken[0] = wanted <= max;
            return taken[0] ? Integer.valueOf(wanted) : count;
        });
        return taken[0];
    }

    private static void give(ConcurrentHashMap<String, Integer> counts, String key) {
        counts.computeIfPresent(key, (k, count) -> count <= 1 ? null : count - 1);
    }

    boolean accepting() {
        return running;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
