package org.socialbank.channels.webchat.web;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.socialbank.channels.webchat.WebChatProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Counts the open {@code /chat/stream}s, per visitor and on this node, and tells them to end when
 * the application stops (before the web server's graceful shutdown waits for them).
 */
@Component
class ChatStreams implements SmartLifecycle {

    private final ConcurrentHashMap<String, Integer> perVisitor = new ConcurrentHashMap<>();
    private final AtomicInteger total = new AtomicInteger();
    private final WebChatProperties properties;
    private volatile boolean running;

    ChatStreams(WebChatProperties properties) {
        this.properties = properties;
    }

    sealed interface Opened permits Open, TooManyForVisitor, TooMany {}

    record Open() implements Opened {}

    record TooManyForVisitor() implements Opened {}

    record TooMany() implements Opened {}

    Opened open(String visitor) {
        if (total.incrementAndGet() > properties.streamsMax()) {
            total.decrementAndGet();
            return new TooMany();
        }
        int[] wanted = new int[1];
        perVisitor.compute(visitor, (v, count) -> {
            wanted[0] = count == null ? 1 : count + 1;
            return wanted[0] > properties.streamsPerVisitorMax() ? count : Integer.valueOf(wanted[0]);
        });
        if (wanted[0] > properties.streamsPerVisitorMax()) {
            total.decrementAndGet();
            return new TooManyForVisitor();
        }
        return new Open();
    }

    void close(String visitor) {
        total.decrementAndGet();
        perVisitor.computeIfPresent(visitor, (v, count) -> count <= 1 ? null : count - 1);
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
