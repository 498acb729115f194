package org.socialbank.shared;

import java.time.Instant;
import java.util.UUID;

/**
 * What became of one outbound chat message (issue 17, a campaign's delivery per recipient): the
 * outbox relay publishes {@code accepted} or {@code failed} when the platform answered the send,
 * and the platforms' later reports add {@code delivered}, {@code read} or {@code failed}. Reports
 * come out of order and twice; a listener keeps the furthest state (see {@link #rank}).
 *
 * @param messageId the outbox row's id
 * @param reason why it failed, else null
 */
public record OutboundReported(UUID messageId, String state, String reason, Instant at) {

    /** accepted &lt; delivered &lt; read &lt; failed; an unknown state ranks 0. */
    public static int rank(String state) {
        return switch (state == null ? "" : state) {
            case "accepted" -> 1;
            case "delivered" -> 2;
            case "read" -> 3;
            case "failed" -> 4;
            default -> 0;
        };
    }
}
