package org.socialbank.channels.webchat.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.socialbank.channels.webchat.WebChatMessages;
import org.socialbank.channels.webchat.WebChatProperties;
import org.socialbank.shared.web.Problems;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code GET /chat/stream}: the visitor's new messages as Server-Sent Events. A stream reads what
 * is already there once, then waits for what the node's one shared poll ({@link ChatFeed}, every
 * {@code stream-poll}) hands it, so a reply stored by any node arrives without a query per stream.
 * It ends after {@code stream-lifetime}, and the browser's EventSource reconnects with {@code
 * Last-Event-ID}, so nothing is missed or repeated. The request holds its (virtual) thread while
 * it is open. A stream whose session ends (unlink, sign-out, expiry, the janitor, on any node)
 * stops within a tick or so of the feed and sends nothing after the end: its last event is {@code
 * ended} with the refusal's words, so the page says the chat ended instead of reconnecting. A
 * stream whose linked session's row is gone, or that opened for an anonymous visitor whom a
 * sign-in has since rotated away (an ended tombstone, reread 2026-12-08), just closes, and the
 * browser reconnects with the cookie it holds now (refused with {@code 401} if that one ended).
 */
@Controller
class ChatStream {

    private static final Duration KEEPALIVE = Duration.ofSeconds(15);
    /** Longest wait for rows before the stream looks at its lifetime and the node's shutdown. */
    private static final Duration WAIT_SLICE = Duration.ofSeconds(1);

    private static final int BATCH_MAX = 50;
    /** Pages of the catch-up read when a stream opens. */
    private static final int CATCH_UP_PAGES_MAX = 20;
    /** Rows this young are read again whatever their seq (the page drops ids it has shown). */
    private static final Duration LATE_WINDOW = ChatFeed.LATE_WINDOW;
    /** The refusal of a stream beyond the visitor's or the node's maximum, in the visitor's language. */
    static final String TOO_MANY_STREAMS = "webchat.too_many_streams";

    private final WebChatMessages messages;
    private final WebChatProperties properties;
    private final ChatStreams streams;
    private final ChatFeed feed;
    private final Visitors visitors;
    private final WebChatSessions sessions;
    private final MessageSource texts;
    private final Clock clock;

    ChatStream(
            WebChatMessages messages,
            WebChatProperties properties,
            ChatStreams streams,
            ChatFeed feed,
            Visitors visitors,
            WebChatSessions sessions,
            MessageSource texts,
            Clock clock) {
        this.visitors = visitors;
        this.sessions = sessions;
        this.texts = texts;
        this.messages = messages;
        this.properties = properties;
        this.streams = streams;
        this.feed = feed;
        this.clock = clock;
    }

    @GetMapping("/chat/stream")
    void stream(
            jakarta.servlet.http.HttpServletRequest request,
            @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
            @RequestParam(defaultValue = "0") String after,
            HttpServletResponse response,
            Locale locale)
            throws IOException {
        Optional<String> visitor = visitors.visitor(request);
        if (visitor.isEmpty()) {
            refuse(response, HttpStatus.BAD_REQUEST, "no_visitor", ChatPage.NO_VISITOR, locale);
            return;
        }
        // review 2026-12-07: like every endpoint, the stream ends a session past its expiry and
        // refuses an ended one's cookie
        WebChatSessions.State state = sessions.check(visitor.get());
        if (state == WebChatSessions.State.ENDED) {
            refuse(response, HttpStatus.UNAUTHORIZED, "session_ended", ChatPage.SESSION_ENDED, locale);
            return;
        }
        String address = WebChatSessions.addressKey(request.getRemoteAddr());
        ChatStreams.Opened opened = streams.open(visitor.get(), address);
        if (!(opened instanceof ChatStreams.Open)) {
            refuse(
                    response,
                    opened instanceof ChatStreams.TooMany
                            ? HttpStatus.SERVICE_UNAVAILABLE
                            : HttpStatus.TOO_MANY_REQUESTS,
                    "too_many_streams",
                    TOO_MANY_STREAMS,
                    locale);
            return;
        }
        // before the catch-up: nothing falls between
        ChatFeed.Subscription subscription = feed.subscribe(visitor.get(), state == WebChatSessions.State.LINKED);
        try {
            pump(subscription, Math.max(seq(lastEventId), seq(after)), response);
            if (subscription.closing() == ChatFeed.Closing.SESSION_ENDED) {
                ended(response.getWriter(), texts.getMessage(ChatPage.SESSION_ENDED, null, locale));
            }
        } finally {
            feed.unsubscribe(subscription);
            streams.close(visitor.get(), address);
        }
    }

    /** What one stream has sent: the event id never goes back, and young rows are sent once. */
    private static final class Sent {
        long last;
        final Map<Long, Instant> recent = new HashMap<>();

        Sent(long after) {
            last = after;
        }

        boolean fresh(long seq, Instant createdAt, Instant now) {
            recent.values().removeIf(sent -> sent.isBefore(now.minus(LATE_WINDOW.multipliedBy(2))));
            boolean due = seq > last || createdAt == null || !createdAt.isBefore(now.minus(LATE_WINDOW));
            if (!due || recent.putIfAbsent(seq, now) != null) {
                return false;
            }
            last = Math.max(last, seq);
            return true;
        }
    }

    private void pump(ChatFeed.Subscription subscription, long after, HttpServletResponse response) throws IOException {
        response.setContentType("text/event-stream");
        response.setCharacterEncoding("UTF-8");
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setHeader("X-Accel-Buffering", "no"); // nginx: pass events on at once
        PrintWriter out = response.getWriter();
        out.write("retry: 1000\n\n");
        out.flush();
        Sent sent = new Sent(after);
        catchUp(subscription, sent, out);
        Instant end = clock.instant().plus(properties.streamLifetime());
        Instant quietSince = clock.instant();
        while (streams.accepting()
                && clock.instant().isBefore(end)
                && !out.checkError()
                && !subscription.overflowed()
                && subscription.closing() == null) {
            List<WebChatMessages.Fresh> rows;
            try {
                rows = subscription.next(WAIT_SLICE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            Instant now = clock.instant();
            int written = 0;
            if (subscription.closing() != null) {
                return; // the feed saw the session end: whatever waits here is not shown
            }
            for (WebChatMessages.Fresh row : rows) {
                if (sent.fresh(row.seq(), row.createdAt(), now)) {
                    write(out, sent.last, row.row());
                    written++;
                }
            }
            if (written > 0) {
                quietSince = now;
            } else if (Duration.between(quietSince, now).compareTo(KEEPALIVE) > 0) {
                out.write(": keep-alive\n\n");
                quietSince = now;
            }
            out.flush(); // a gone client shows up as checkError()
        }
    }

    /**
     * The rows already stored when the stream opens: one read per stream, not per tick. The session
     * is read again after each page, so a row stored after an end since the stream's check is not
     * shown. Only the first page also reads the rows younger than {@code LATE_WINDOW} whatever
     * their seq; later pages go on by seq alone (as {@link ChatFeed} does), and the read stops on a
     * short page, not on few rows written: young rows read again and dropped would otherwise end
     * the catch-up early and the backlog after them would be skipped (review 2026-12-07).
     */
    private void catchUp(ChatFeed.Subscription subscription, Sent sent, PrintWriter out) {
        String visitor = subscription.visitor;
        Instant since = clock.instant().minus(LATE_WINDOW);
        long cursor = sent.last;
        for (int pages = 0; pages < CATCH_UP_PAGES_MAX; pages++) {
            Instant now = clock.instant();
            List<WebChatMessages.Row> page = messages.after(visitor, cursor, pages == 0 ? since : null, BATCH_MAX);
            subscription.see(sessions.streamStates(List.of(visitor)).get(visitor));
            if (subscription.closing() != null) {
                return;
            }
            for (WebChatMessages.Row row : page) {
                cursor = Math.max(cursor, row.seq());
                if (sent.fresh(row.seq(), null, now)) {
                    write(out, sent.last, row);
                }
            }
            out.flush();
            if (page.size() < BATCH_MAX) {
                return;
            }
        }
    }

    /** The stream's last event when its session ended: the page shows {@code detail} and stops. */
    private static void ended(PrintWriter out, String detail) {
        ObjectNode problem =
                ChatPage.JSON.createObjectNode().put("code", "session_ended").put("detail", detail);
        out.write("event: ended\ndata: " + ChatPage.JSON.writeValueAsString(problem) + "\n\n");
        out.flush();
    }

    private static void write(PrintWriter out, long id, WebChatMessages.Row row) {
        out.write("id: " + id + "\nevent: message\ndata: " + ChatPage.JSON.writeValueAsString(node(row)) + "\n\n");
    }

    /** The JSON a page gets for one stored message. */
    static ObjectNode node(WebChatMessages.Row row) {
        ObjectNode node = ChatPage.JSON.createObjectNode().put("id", row.seq()).put("from", row.sender());
        if (row.createdAt() != null) {
            node.put("at", row.createdAt().toEpochMilli());
        }
        node.set("message", ChatPage.JSON.readTree(row.payload()));
        return node;
    }

    /**
     * The seq a client resumes after; 0 (from the start) when it is absent or no seq: not ASCII
     * digits, or beyond a long. A reconnecting EventSource sends back whatever id it was given, so
     * a value the bank never sent resumes rather than fails.
     */
    private static long seq(String value) {
        if (value == null
                || value.isEmpty()
                || value.length() > 19
                || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return 0;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException beyondALong) { // 19 digits above 9223372036854775807
            return 0;
        }
    }

    private void refuse(HttpServletResponse response, HttpStatus status, String code, String key, Locale locale)
            throws IOException {
        Problems.write(response, status, code, texts.getMessage(key, null, locale));
    }
}
