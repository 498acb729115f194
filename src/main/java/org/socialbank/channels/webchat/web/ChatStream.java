package org.socialbank.channels.webchat.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.socialbank.channels.webchat.WebChatMessages;
import org.socialbank.channels.webchat.WebChatProperties;
import org.socialbank.shared.web.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.CookieValue;
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

    private final WebChatMessages messages;
    private final WebChatProperties properties;
    private final ChatStreams streams;

    ChatStream(WebChatMessages messages, WebChatProperties properties, ChatStreams streams) {
        this.messages = messages;
        this.properties = properties;
        this.streams = streams;
    }

    @GetMapping("/chat/stream")
    void stream(@CookieValue(name = Visitors.COOKIE, required = false) String secret,
            @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
            @RequestParam(defaultValue = "0") String after, HttpServletResponse response) throws IOException {
        Optional<String> visitor = Visitors.visitor(secret);
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

    private void pump(String visitor, long last, HttpServletResponse response) throws IOException {
        response.setContentType("text/event-stream");
        response.setCharacterEncoding("UTF-8");
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setHeader("X-Accel-Buffering", "no"); // nginx: pass events on at once
        PrintWriter out = response.getWriter();
        out.write("retry: 1000\n\n");
        out.flush();
        Instant end = Instant.now().plus(properties.streamLifetime());
        Instant quietSince = Instant.now();
        while (streams.accepting() && Instant.now().isBefore(end) && !out.checkError()) {
            List<WebChatMessages.Row> rows = messages.after(visitor, last, BATCH_MAX);
            for (WebChatMessages.Row row : rows) {
                out.write("id: " + row.seq() + "\nevent: message\ndata: "
                        + ChatPage.JSON.writeValueAsString(node(row)) + "\n\n");
                last = row.seq();
            }
            if (rows.isEmpty() && Duration.between(quietSince, Instant.now()).compareTo(KEEPALIVE) > 0) {
                out.write(": keep-alive\n\n");
                quietSince = Instant.now();
            } else if (!rows.isEmpty()) {
                quietSince = Instant.now();
            }
            out.flush(); // a gone client shows up as checkError()
            if (rows.size() < BATCH_MAX && !sleep(properties.streamPoll())) {
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
