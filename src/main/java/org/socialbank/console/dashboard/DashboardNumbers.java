package org.socialbank.console.dashboard;

import java.time.Instant;
import java.util.List;

/**
 * One reading of the dashboard.
 *
 * @param conversations conversations by channel and customer language (empty: not linked)
 * @param hours payments and ledger transfers in each of the last 24 hours, oldest first
 * @param sends outbox messages by channel and state
 * @param alerts transaction alerts by state
 */
public record DashboardNumbers(Instant at, List<Conversations> conversations, List<Hour> hours, List<Sends> sends,
        List<Count> alerts) {

    /** Conversations of a channel in a language: all of them, and those active in the last 24 hours. */
    public record Conversations(String channel, String language, long total, long active24h) {
    }

    /** One hour starting at {@code start}: payments made, of them completed, and ledger transfers posted. */
    public record Hour(Instant start, long payments, long completed, long transfers) {
    }

    /** A channel's outbox: waiting, sent, failed, unknown (sent, but no answer from the platform). */
    public record Sends(String channel, long pending, long succeeded, long failed, long unknown) {
    }

    public record Count(String key, long count) {
    }
}
