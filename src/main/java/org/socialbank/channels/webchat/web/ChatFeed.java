package org.socialbank.channels.webchat.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialbank.channels.webchat.WebChatMessages;
import org.socialbank.channels.webchat.WebChatProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The node's one poll for every open {@code /chat/stream} (security review #9): every {@code
 * stream-poll} it reads the new rows of all open streams' visitors in one query (per
 * {@value WebChatMessages#VISITORS_MAX} visitors) and hands each row to that visitor's streams.
 * A thousand open streams cost one query a tick, not a thousand. Rows stored within the late
 * window are read again (a seq taken before, but committed after, a row already read); each
 * stream drops what it has sent. After the rows, the same tick reads the sessions of those
 * visitors (review 2026-12-07): a stream whose session ended, on any node, is told to end and is
 * handed nothing more, so a row stored after the end never reaches it.
 */
@Component
class ChatFeed implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ChatFeed.class);

    /** Rows this young are read again whatever their seq. */
    static final Duration LATE_WINDOW = Duration.ofSeconds(5);
    /** Rows one subscription holds before its stream is told to reconnect (and catch up by itself). */
    static final int QUEUE_MAX = 500;
    /** Pages one tick reads per group of visitors; the rest waits for the next tick. */
    static final int PAGES_MAX = 20;

    /** Where the rows come from: the table, or a fake in unit tests. */
    interface Source {
        List<WebChatMessages.Fresh> read(Collection<String> visitors, long seq, Instant since, int max);

        long newestSeq();

        /** The visitors' sessions as {@link WebChatSessions#streamStates} reads them. */
        Map<String, WebChatSessions.State> sessions(Collection<String> visitors);
    }

    /** Why a subscription's stream must end. */
    enum Closing {
        /** Its session ended (unlinked, expired, ended by the janitor): the page is told so. */
        SESSION_ENDED,
        /**
         * The linked session it opened under has no row any more, or the anonymous visitor it opened
         * under has ended (a sign-in rotated it away, reread 2026-12-08): nothing is said, the
         * browser reconnects with the cookie it holds now, and an ended cookie is refused then.
         */
        SESSION_GONE
    }

    /** One open stream's mailbox. */
    static final class Subscription {

        final String visitor;
        /** The stream opened under a linked session: a missing session row then means it is gone. */
        private final boolean linked;

        private final LinkedBlockingQueue<WebChatMessages.Fresh> rows = new LinkedBlockingQueue<>(QUEUE_MAX);
        private volatile boolean overflowed;
        private volatile Closing closing;

        Subscription(String visitor, boolean linked) {
            this.visitor = visitor;
            this.linked = linked;
        }

        /** Why the stream must end now, or null while its session lets it go on. */
        Closing closing() {
            return closing;
        }

        /** The session as last read from the store (null: no session row); an end is final. */
        void see(WebChatSessions.State session) {
            if (closing != null) {
                return;
            }
            if (session == WebChatSessions.State.ENDED) {
                // an anonymous visitor ends by a sign-in's rotation (its browser holds the new
                // cookie now), so its page must not say the chat ended
                closing = linked ? Closing.SESSION_ENDED : Closing.SESSION_GONE;
            } else if (session == null && linked) {
                closing = Closing.SESSION_GONE;
            }
        }

        /** The rows handed over since the last call, waiting at most {@code wait} for the first. */
        List<WebChatMessages.Fresh> next(Duration wait) throws InterruptedException {
            List<WebChatMessages.Fresh> batch = new ArrayList<>();
            WebChatMessages.Fresh first = rows.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
            if (first != null) {
                batch.add(first);
                rows.drainTo(batch);
            }
            return batch;
        }

        /** True once rows were lost for want of room: the stream ends and the browser resumes. */
        boolean overflowed() {
            return overflowed;
        }

        private void offer(WebChatMessages.Fresh row) {
            if (closing != null) {
                return; // nothing more for a stream whose session ended
            }
            if (!rows.offer(row)) {
                overflowed = true;
            }
        }
    }

    private final Map<String, Set<Subscription>> open = new ConcurrentHashMap<>();
    private final Source source;
    private final WebChatProperties properties;
    private final Clock clock;
    private final AtomicLong reads = new AtomicLong();
    private final AtomicLong sessionReads = new AtomicLong();
    private long cursor;
    private boolean idle = true;
    private volatile ScheduledExecutorService ticker;

    @Autowired
    ChatFeed(WebChatMessages messages, WebChatSessions sessions, WebChatProperties properties, Clock clock) {
        this(
                new Source() {
                    @Override
                    public List<WebChatMessages.Fresh> read(
                            Collection<String> visitors, long seq, Instant since, int max) {
                        return messages.forVisitors(visitors, seq, since, max);
                    }

                    @Override
                    public long newestSeq() {
                        return messages.newestSeq();
                    }

                    @Override
                    public Map<String, WebChatSessions.State> sessions(Collection<String> visitors) {
                        return sessions.streamStates(visitors);
                    }
                },
                properties,
                clock);
    }

    ChatFeed(Source source, WebChatProperties properties, Clock clock) {
        this.source = source;
        this.properties = properties;
        this.clock = clock;
    }

    /** A new stream's mailbox; {@code linked}: it opened under a live linked session. */
    Subscription subscribe(String visitor, boolean linked) {
        Subscription subscription = new Subscription(visitor, linked);
        open.computeIfAbsent(visitor, v -> ConcurrentHashMap.newKeySet()).add(subscription);
        return subscription;
    }

    void unsubscribe(Subscription subscription) {
        open.computeIfPresent(subscription.visitor, (v, subs) -> {
            subs.remove(subscription);
            return subs.isEmpty() ? null : subs;
        });
    }

    /** The visitor's open streams (for tests: a stream is open once it is subscribed here). */
    int streams(String visitor) {
        Set<Subscription> subscriptions = open.get(visitor);
        return subscriptions == null ? 0 : subscriptions.size();
    }

    /** Queries of the messages made so far (for tests and metrics). */
    long reads() {
        return reads.get();
    }

    /** Queries of the sessions made so far: one a tick per group of visitors, as for the rows. */
    long sessionReads() {
        return sessionReads.get();
    }

    /** One poll for all open streams; the ticker calls it every {@code stream-poll}. */
    synchronized void tick() {
        List<String> visitors = List.copyOf(open.keySet());
        if (visitors.isEmpty()) {
            idle = true;
            return;
        }
        if (idle) { // what came before is each new stream's own catch-up read
            cursor = source.newestSeq();
            reads.incrementAndGet();
            idle = false;
        }
        Instant since = clock.instant().minus(LATE_WINDOW);
        long newest = cursor;
        for (int from = 0; from < visitors.size(); from += WebChatMessages.VISITORS_MAX) {
            List<String> group = visitors.subList(from, Math.min(visitors.size(), from + WebChatMessages.VISITORS_MAX));
            newest = Math.max(newest, readGroup(group, since));
        }
        cursor = newest;
    }

    /**
     * Reads one group's new rows page by page, then its sessions, tells each stream its session and
     * hands the rows to those that may go on; returns the highest seq seen. The sessions are read
     * after the rows, so a row stored after its session's end finds that end already read.
     */
    private long readGroup(List<String> group, Instant since) {
        List<WebChatMessages.Fresh> rows = new ArrayList<>();
        List<WebChatMessages.Fresh> page = source.read(group, cursor, since, WebChatMessages.PAGE_MAX);
        reads.incrementAndGet();
        rows.addAll(page);
        for (int pages = 1; page.size() == WebChatMessages.PAGE_MAX && pages < PAGES_MAX; pages++) {
            page = source.read(group, page.get(page.size() - 1).seq(), null, WebChatMessages.PAGE_MAX);
            reads.incrementAndGet();
            rows.addAll(page);
        }
        Map<String, WebChatSessions.State> sessions = source.sessions(group);
        sessionReads.incrementAndGet();
        for (String visitor : group) {
            Set<Subscription> subs = open.get(visitor);
            if (subs != null) {
                subs.forEach(s -> s.see(sessions.get(visitor)));
            }
        }
        long newest = cursor;
        for (WebChatMessages.Fresh row : rows) {
            newest = Math.max(newest, row.seq());
            Set<Subscription> subs = open.get(row.visitor());
            if (subs != null) {
                subs.forEach(s -> s.offer(row));
            }
        }
        return newest;
    }

    private void safeTick() {
        try {
            tick();
        } catch (RuntimeException e) { // a failed tick must not end the schedule
            log.warn("Web chat streams could not read new messages: {}", e.getMessage());
        }
    }

    @Override
    public void start() {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "webchat-feed");
            thread.setDaemon(true);
            return thread;
        });
        long pollMs = properties.streamPoll().toMillis();
        executor.scheduleWithFixedDelay(this::safeTick, pollMs, pollMs, TimeUnit.MILLISECONDS);
        ticker = executor;
    }

    @Override
    public void stop() {
        ScheduledExecutorService executor = ticker;
        ticker = null;
        if (executor != null) {
            executor.shutdown(); // never shutdownNow: an interrupt during H2 file I/O closes the embedded store
            try {
                executor.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return ticker != null;
    }
}
