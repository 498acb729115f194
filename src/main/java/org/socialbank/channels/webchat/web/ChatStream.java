package org.socialbank.channels.webchat.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.socialbank.channels.webchat.WebChatMessages;
import org.socialbank.channels.webchat.WebChatProperties;
import org.socialbank.shared.web.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code GET /chat/stream}: the visitor's new messages as Server-Sent Events. The stream looks in
 * the database every {@code stream-poll} (so a reply stored by any node arrives), ends after
 * {@code stream-lifetime}, and the browser's EventSource reconnects with {@code Last-Event-ID}, so
 * nothing is missed or repeated. The request holds its (virtual) thread while it is open.
 */
@Controller
class ChatStream {

    private static final Duration KEEPALIVE = Duration.ofSeconds(15);
    private static final int BATCH_MAX = 50;
    /** Rows this young are read again whatever their seq (the page drops ids it has shown). */
    private static final Duration LATE_WINDOW = Duration.ofSeconds(5);

    private final WebChatMessages messages;
    private final WebChatProperties properties;
    private final ChatStreams streams;
    private final Visitors visitors;
    private final Clock clock;

    ChatStream(WebChatMessages messages, WebChatProperties properties, ChatStreams streams, Visitors visitors,
            Clock clock) {
        this.visitors = visitors;
        this.messages = messages;
        this.properties = properties;
        this.streams = streams;
        this.clock = clock;
    }

    @GetMapping("/chat/stream")
    void stream(jakarta.servlet.http.HttpServletRequest request,
            @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
            @RequestParam(defaultValue = "0") String after, HttpServletResponse response) throws IOException {
        Optional<String> visitor = visitors.visitor(request);
        if (visitor.isEmpty()) {
            refuse(response, HttpStatus.BAD_REQUEST, "no_visitor");
            return;
        }
        ChatStreams.Opened opened = streams.open(visitor.get());
        if (!(opened instanceof ChatStreams.Open)) {
            refuse(response, opened instanceof ChatStreams.TooMany ? HttpStatus.SERVICE_UNAVAILABLE
                    : HttpStatus.TOO_MANY_REQUESTS, "too_many_streams");
            return;
        }
        try {
            pump(visitor.get(), Math.max(seq(lastEventId), seq(after)), response);
        } finally {
            streams.close(visitor.get());
        }
    }

    private void pump(String visitor, long after, HttpServletResponse response) throws IOException {
        response.setContentType("text/event-stream");
        response.setCharacterEncoding("UTF-8");
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setHeader("X-Accel-Buffering", "no"); // nginx: pass events on at once
        PrintWriter out = response.getWriter();
        out.write("retry: 1000\n\n");
        out.flush();
        long last = after;
        Map<Long, Instant> recent = new HashMap<>(); // sent in the late window: not sent again
        Instant end = clock.instant().plus(properties.streamLifetime());
        Instant quietSince = clock.instant();
        while (streams.accepting() && clock.instant().isBefore(end) && !out.checkError()) {
            Instant now = clock.instant();
            recent.values().removeIf(sent -> sent.isBefore(now.minus(LATE_WINDOW)));
            int fresh = 0;
            for (WebChatMessages.Row row : messages.after(visitor, last, now.minus(LATE_WINDOW), BATCH_MAX)) {
                if (recent.putIfAbsent(row.seq(), now) == null) {
                    last = Math.max(last, row.seq()); // the event id never goes back: a reconnect resumes after it
                    out.write("id: " + last + "\nevent: message\ndata: "
                            + ChatPage.JSON.writeValueAsString(node(row)) + "\n\n");
                    fresh++;
                }
            }
            if (fresh > 0) {
                quietSince = now;
            } else if (Duration.between(quietSince, now).compareTo(KEEPALIVE) > 0) {
                out.write(": keep-alive\n\n");
                quietSince = now;
            }
            out.flush(); // a gone client shows up as checkError()
            if (fresh < BATCH_MAX && !sleep(properties.streamPoll())) {
                return;
            }
        }
    }

    /** The JSON a page gets for one stored message. */
    static ObjectNode node(WebChatMessages.Row row) {
        ObjectNode node = ChatPage.JSON.createObjectNode().put("id", row.seq()).put("from", row.sender());
        node.set("message", ChatPage.JSON.readTree(row.payload()));
        return node;
    }

    private static long seq(String value) {
        if (value == null || value.isEmpty() || value.length() > 19 || !value.chars().allMatch(Character::isDigit)) {
            return 0;
        }
        return Long.parseLong(value);
    }

    private static boolean sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void refuse(HttpServletResponse response, HttpStatus status, String code) throws IOException {
        Problems.write(response, status, code, "The chat's stream cannot be opened: " + code + ".");
    }
}
