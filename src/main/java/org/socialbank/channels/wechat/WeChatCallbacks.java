package org.socialbank.channels.wechat;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialbank.conversation.Conversations;
import org.socialbank.conversation.InboundMessage;
import org.socialbank.conversation.OutboundMessage;
import org.socialbank.conversation.Received;
import org.socialbank.conversation.engine.InlineReplies;
import org.socialbank.directory.ChannelIdentities;
import org.socialbank.shared.Faults;
import org.socialbank.shared.Network;
import org.springframework.context.MessageSource;

/**
 * Answers one verified WeChat callback. The engine's work runs on a thread of its own; if it
 * is done within {@code passive-reply-budget} its first reply goes back in the HTTP answer (a
 * passive reply, one message) and the others through the outbox relay; if not, the message is
 * kept in {@link WeChatRetries} under this run's lease (renewed while it runs, {@link LateWorkLeases}),
 * the callback is answered empty, and every
 * reply goes through the relay when the work is done (the row then goes). WeChat will not send the
 * message again: if the work fails for the bank's own reason (the database, I/O) the row is due
 * for the retries' rounds at once, and if this node stops first, once its lease ends.
 *
 * <p>Only a sealed (safe mode) passive reply carries the engine's answer. In plain mode the
 * callback's signature covers neither the body nor the follower, so a plain passive reply could
 * hand a balance or a Confirm reference to whoever posted the request: there the engine's answers
 * all go through the customer-service API, to the follower's own chat, and the callback hears
 * only public texts (a branch's welcome, "cannot read this") or {@code success} (security review #2).
 */
public class WeChatCallbacks implements AutoCloseable {

    /** Engine runs in flight on this node; beyond, callbacks are refused with 503 and WeChat retries. */
    static final int IN_FLIGHT_MAX = 256;

    /**
     * Tries to take the turn's first reply for the passive answer, 30 ms apart (about a second, and
     * never past the budget): the relay may hold the row while it finds the callback open and gives it
     * back, which on a loaded machine took longer than the three tries there were (a CI run answered
     * "success" and the reply went by customer-service message instead).
     */
    private static final int TAKE_TRIES_MAX = 34;

    private static final Logger log = LoggerFactory.getLogger(WeChatCallbacks.class);
    private static final long TAKE_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(30);

    private final Conversations conversations;
    private final InlineReplies inline;
    private final ChannelIdentities identities;
    private final WeChatFollowers followers;
    private final OpenCallbacks openCallbacks;
    private final WeChatOAuth oauth;
    private final WeChatScenes scenes;
    private final MessageSource messages;
    private final WeChatProperties properties;
    private final Clock clock;
    private final ExecutorService executor =
            new ThreadPoolExecutor(0, IN_FLIGHT_MAX, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), work -> {
                Thread thread = new Thread(work, "wechat-callback");
                thread.setDaemon(true);
                return thread;
            });
    private final Semaphore inFlight = new Semaphore(IN_FLIGHT_MAX);
    private final WeChatMassSends massSends;
    private final WeChatRetries retries;

    public WeChatCallbacks(
            Conversations conversations,
            InlineReplies inline,
            ChannelIdentities identities,
            WeChatFollowers followers,
            OpenCallbacks openCallbacks,
            WeChatOAuth oauth,
            WeChatScenes scenes,
            MessageSource messages,
            WeChatProperties properties,
            WeChatMassSends massSends,
            WeChatRetries retries,
            Clock clock) {
        this.massSends = massSends;
        this.retries = retries;
        this.conversations = conversations;
        this.inline = inline;
        this.identities = identities;
        this.followers = followers;
        this.openCallbacks = openCallbacks;
        this.oauth = oauth;
        this.scenes = scenes;
        this.messages = messages;
        this.properties = properties;
        this.clock = clock;
    }

    /** Too many callbacks in flight: answer 503 so that WeChat tries again. */
    public static final class Busy extends RuntimeException {
        Busy() {
            super("too many WeChat callbacks in flight", null, false, false);
        }
    }

    /** A callback that is not well formed (a field missing or malformed): the webhook's 400. */
    public static final class Malformed extends RuntimeException {
        Malformed(String why) {
            super(why, null, false, false);
        }
    }

    /**
     * The passive reply's XML (plain), or empty for an empty answer.
     *
     * @param deadlineNanos {@link System#nanoTime()} by which the answer must be given
     * @param sealed whether the reply is encrypted (safe mode): only then may it carry the engine's answer
     * @throws Malformed for a callback that is not well formed
     */
    public Optional<String> answer(Map<String, String> xml, long deadlineNanos, boolean sealed) {
        WeChatUpdates.Read read;
        try {
            read = WeChatUpdates.read(xml);
        } catch (IllegalArgumentException refused) { // the reader's refusal only, never the bank's (ADR 0013)
            throw new Malformed(refused.getMessage());
        }
        if (read instanceof WeChatUpdates.Unreadable unreadable) {
            followers.wrote(unreadable.openId());
            String text = messages.getMessage("wechat.unreadable", null, Locale.forLanguageTag(properties.language()));
            return Optional.of(passive(xml, text));
        }
        if (read instanceof WeChatUpdates.Unsubscribed unsubscribed) {
            InboundMessage stop = unsubscribed.message();
            conversations.receive(stop);
            identities.forget(Network.WECHAT, stop.externalUserId());
            followers.forget(stop.externalUserId());
            return Optional.empty();
        }
        if (read instanceof WeChatUpdates.MassSendFinished finished) {
            massSends.finished(
                    finished.msgId(),
                    finished.status(),
                    finished.total(),
                    finished.filtered(),
                    finished.sent(),
                    finished.errors());
            return Optional.empty();
        }
        if (!(read instanceof WeChatUpdates.Message message)) {
            return Optional.empty();
        }
        String openId = message.message().externalUserId();
        followers.wrote(openId);
        if (!sealed) {
            Optional<String> greeting = scenes.greeting(xml);
            receive(message.message(), deadlineNanos); // the answers leave through the outbox relay
            return greeting.map(text -> passive(xml, text));
        }
        openCallbacks.opened(openId);
        try {
            Optional<String> greeting = scenes.greeting(xml);
            Optional<String> reply = receive(message.message(), deadlineNanos)
                    .flatMap(handled -> handled.replies().stream().findFirst())
                    .flatMap(first -> take(first.id(), deadlineNanos))
                    .map(taken -> oauth.render(openId, taken.content()));
            // a branch's QR code: its welcome opens the engine's, or is said alone if the engine is late
            return greeting.map(g -> reply.map(r -> g + "\n\n" + r).orElse(g))
                    .or(() -> reply)
                    .map(text -> passive(xml, text));
        } finally {
            openCallbacks.closed(openId);
        }
    }

    /** A relay on another node may hold the row a moment (it gives it back): try again until the deadline. */
    private Optional<OutboundMessage> take(UUID id, long deadlineNanos) {
        for (int attempt = 1; ; attempt++) {
            Optional<OutboundMessage> taken = inline.take(id);
            if (taken.isPresent()
                    || attempt >= TAKE_TRIES_MAX
                    || System.nanoTime() + TAKE_PAUSE_NANOS > deadlineNanos) {
                return taken;
            }
            try {
                TimeUnit.NANOSECONDS.sleep(TAKE_PAUSE_NANOS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
    }

    private Optional<Received.Handled> receive(InboundMessage message, long deadlineNanos) {
        try {
            if (!inFlight.tryAcquire(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                throw new Busy();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Busy();
        }
        Run run = new Run(message);
        Future<Received> work;
        try {
            work = executor.submit(run);
        } catch (java.util.concurrent.RejectedExecutionException full) { // a worker not back in the pool yet
            inFlight.release();
            throw new Busy();
        }
        try {
            Received received = work.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
            return handled(received);
        } catch (TimeoutException late) {
            return left(run, work);
        } catch (InterruptedException e) {
            Optional<Received.Handled> outcome = left(run, work);
            Thread.currentThread().interrupt();
            return outcome;
        } catch (ExecutionException e) {
            throw unwrapped(e);
        }
    }

    /**
     * The budget has passed: unless the run just ended, the callback leaves it, and the message is
     * kept under this node's lease before {@code success} is answered (review 2026-12-07 channels
     * follow-up), so that a node that stops mid-run loses nothing. A fault keeping it reaches the
     * webhook (503 for the database's: WeChat sends the message again). The replies of a run left
     * leave through the relay.
     */
    private Optional<Received.Handled> left(Run run, Future<Received> work) {
        if (!run.leave()) {
            return finished(work);
        }
        run.keep();
        return Optional.empty();
    }

    /** Work that finished just as the callback gave up waiting: its outcome is the callback's. */
    private static Optional<Received.Handled> finished(Future<Received> work) {
        try {
            return handled(work.get()); // done, or about to be: the run has returned
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException e) {
            throw unwrapped(e);
        }
    }

    private static Optional<Received.Handled> handled(Received received) {
        return received instanceof Received.Handled handled ? Optional.of(handled) : Optional.empty();
    }

    private static RuntimeException unwrapped(ExecutionException e) {
        return e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    }

    /**
     * One engine run, between the callback that waits for it and the worker that does it. Whichever
     * is first says so: the worker that it ended (the callback then hears its outcome), or the
     * callback that it left, having kept the message in {@link WeChatRetries} under this node's
     * lease (review 2026-12-07 channels #2 and follow-up: WeChat has been answered {@code success}
     * and will not send the message again). The worker of a run left waits for that keeping, then
     * removes the row when the run succeeded, or hands it to the retries' rounds when it failed for
     * the bank's own faults; a failure is the worker's to log.
     */
    private final class Run implements Callable<Received> {

        private final InboundMessage message;
        private final AtomicBoolean decided = new AtomicBoolean();
        /** Completed by the callback that left: this run's hold on the message's row, if it has one. */
        private final CompletableFuture<Optional<LateWorkLeases.Held>> kept = new CompletableFuture<>();

        Run(InboundMessage message) {
            this.message = message;
        }

        /** Whether the callback left before the run ended; false: it ended, and its outcome is there. */
        boolean leave() {
            return decided.compareAndSet(false, true);
        }

        /** The callback left: the message is kept before {@code success} is answered. */
        void keep() {
            Optional<LateWorkLeases.Held> held = Optional.empty();
            try {
                held = retries.hold(message);
            } finally {
                kept.complete(held); // the worker waits for this, whatever became of it
            }
        }

        @Override
        public Received call() {
            try {
                return run();
            } finally {
                inFlight.release();
            }
        }

        private Received run() {
            Received received;
            try {
                received = conversations.receive(message);
            } catch (RuntimeException | Error e) {
                if (!decided.compareAndSet(false, true)) { // else the callback hears it
                    endedLate(e);
                }
                throw e;
            }
            if (!decided.compareAndSet(false, true)) {
                endedLate(null);
            }
            return received;
        }

        /** The run ended after its callback left ({@code fault} null: the engine took it). */
        private void endedLate(Throwable fault) {
            String id = message.externalMessageId();
            Optional<LateWorkLeases.Held> held = kept.join();
            if (fault != null) {
                logFailedLate(id, fault);
            }
            if (held.isPresent()) {
                retries.ended(held.get(), fault);
            } else if (fault != null && Faults.infrastructure(fault)) {
                retries.keep(message, fault); // it could not be kept at the budget: WeChat may send it again too
            }
        }

        private void logFailedLate(String id, Throwable e) {
            if (!Faults.infrastructure(e)) { // the engine refuses poison itself: this is a fault of the bank's code
                log.error(
                        "wechat message {}: its handling failed after its callback was answered ({}); not tried again",
                        id,
                        WeChatRetries.faultOf(e));
                return;
            }
            log.warn(
                    "wechat message {}: its handling failed after its callback was answered ({}); kept to be tried again",
                    id,
                    WeChatRetries.faultOf(e));
        }
    }

    /** A text reply to the sender of {@code xml}, from the account it wrote to. */
    private String passive(Map<String, String> xml, String text) {
        Map<String, String> reply = new LinkedHashMap<>();
        reply.put("ToUserName", xml.get("FromUserName"));
        reply.put("FromUserName", xml.getOrDefault("ToUserName", ""));
        reply.put("CreateTime", Long.toString(clock.instant().getEpochSecond()));
        reply.put("MsgType", "text");
        reply.put("Content", text);
        return WeChatXml.write(reply);
    }

    @Override
    public void close() {
        executor.shutdown();
    }
}
