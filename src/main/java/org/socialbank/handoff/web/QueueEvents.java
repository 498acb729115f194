package org.socialbank.handoff.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.socialbank.console.Permission;
import org.socialbank.console.StaffMember;
import org.socialbank.handoff.QueueSignals;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The queue's live updates as server-sent events (issue 19): {@code event: queue} whenever the
 * open cases changed on any node (see {@link QueueSignals}), a comment every {@link #PING} so that
 * proxies keep the stream and a gone browser is noticed. A stream ends after {@link #STREAM_MAX}
 * and the browser's EventSource opens a new one, signed in again (a session that ended gets 401
 * and the page stops listening). Listening is not activity: it does not keep a session alive.
 */
@Controller
class QueueEvents {

    static final Duration STREAM_MAX = Duration.ofMinutes(5);
    static final Duration PING = Duration.ofSeconds(15);

    private final QueueSignals signals;

    QueueEvents(QueueSignals signals) {
        this.signals = signals;
    }

    @GetMapping("/console/conversations/events")
    void events(@AuthenticationPrincipal StaffMember who, HttpServletResponse response) throws IOException {
        who.require(Permission.CONVERSATIONS);
        response.setContentType("text/event-stream");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Accel-Buffering", "no");
        OutputStream out = response.getOutputStream();
        write(out, "retry: 5000\n\n");
        long seen = signals.version();
        long end = System.nanoTime() + STREAM_MAX.toNanos(); // a bound on the stream, not a business time
        try {
            while (System.nanoTime() - end < 0) {
                long now = signals.awaitChange(seen, PING);
                if (now < 0) {
                    return; // the node is stopping
                }
                write(out, now == seen ? ": ping\n\n" : "event: queue\ndata: " + now + "\n\n");
                seen = now;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
