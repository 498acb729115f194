package org.socialbank.channels.webchat;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the web chat ({@code /chat}).
 *
 * @param streamLifetime how long one {@code /chat/stream} stays open before the browser reconnects
 * @param streamPoll how often the node's one shared poll reads new messages for all open streams
 * @param streamsPerVisitorMax open streams one visitor may hold (tabs); more are refused with 429
 * @param streamsMax open streams on this node; more are refused with 503
 * @param historyMax messages {@code /chat/history} returns at most
 * @param messagesPerMinuteMax messages one visitor may send in a minute; more are refused with 429
 * @param retention how long a visitor's messages are kept; older ones are deleted hourly
 */
@ConfigurationProperties("socialbank.webchat")
public record WebChatProperties(
        @DefaultValue("5m") Duration streamLifetime,
        @DefaultValue("500ms") Duration streamPoll,
        @DefaultValue("3") int streamsPerVisitorMax,
        @DefaultValue("1000") int streamsMax,
        @DefaultValue("50") int historyMax,
        @DefaultValue("30") int messagesPerMinuteMax,
        @DefaultValue("90d") Duration retention) {

    public WebChatProperties {
        require(streamLifetime != null && streamLifetime.compareTo(Duration.ofSeconds(5)) >= 0
                && streamLifetime.compareTo(Duration.ofHours(1)) <= 0, "stream-lifetime must be 5s..1h");
        require(streamPoll != null && streamPoll.compareTo(Duration.ofMillis(50)) >= 0
                && streamPoll.compareTo(Duration.ofSeconds(10)) <= 0, "stream-poll must be 50ms..10s");
        require(streamsPerVisitorMax >= 1 && streamsPerVisitorMax <= 20, "streams-per-visitor-max must be 1..20");
        require(streamsMax >= 1 && streamsMax <= 100_000, "streams-max must be 1..100000");
        require(historyMax >= 1 && historyMax <= WebChatMessages.PAGE_MAX,
                "history-max must be 1.." + WebChatMessages.PAGE_MAX);
        require(retention != null && retention.compareTo(Duration.ofDays(1)) >= 0
                && retention.compareTo(Duration.ofDays(3660)) <= 0, "retention must be 1d..3660d");
        require(messagesPerMinuteMax >= 1 && messagesPerMinuteMax <= 1000, "messages-per-minute-max must be 1..1000");
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException("socialbank.webchat." + message);
        }
    }
}
