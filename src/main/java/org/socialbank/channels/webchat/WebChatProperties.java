package org.socialbank.channels.webchat;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
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
 * @param messagesPerAddressPerMinuteMax messages one network address (an IPv4 address, an IPv6
 *     /64) may send in a minute, whatever its cookies; more are refused with 429
 * @param linkedIdleTimeout a linked web-chat session without a message for this long ends
 * @param linkedLifetime a linked web-chat session ends this long after sign-in, however active
 * @param streamsPerAddressMax open streams one network address (an IPv4 address, an IPv6 /64) may
 *     hold on this node, whatever its cookies; more are refused with 429. A visitor costs one
 *     {@code GET /chat}, so without it one host could fill {@code streams-max} (review 2026-12-07)
 */
@ConfigurationProperties("socialbank.webchat")
public record WebChatProperties(
        @DefaultValue("5m") Duration streamLifetime,
        @DefaultValue("500ms") Duration streamPoll,
        @DefaultValue("3") int streamsPerVisitorMax,
        @DefaultValue("1000") int streamsMax,
        @DefaultValue("50") int historyMax,
        @DefaultValue("30") int messagesPerMinuteMax,
        @DefaultValue("90d") Duration retention,
        @DefaultValue("120") int messagesPerAddressPerMinuteMax,
        @DefaultValue("30m") Duration linkedIdleTimeout,
        @DefaultValue("12h") Duration linkedLifetime,
        @DefaultValue("100") int streamsPerAddressMax) {

    @ConstructorBinding
    public WebChatProperties {
        require(
                streamLifetime != null
                        && streamLifetime.compareTo(Duration.ofSeconds(5)) >= 0
                        && streamLifetime.compareTo(Duration.ofHours(1)) <= 0,
                "stream-lifetime must be 5s..1h");
        require(
                streamPoll != null
                        && streamPoll.compareTo(Duration.ofMillis(50)) >= 0
                        && streamPoll.compareTo(Duration.ofSeconds(10)) <= 0,
                "stream-poll must be 50ms..10s");
        require(streamsPerVisitorMax >= 1 && streamsPerVisitorMax <= 20, "streams-per-visitor-max must be 1..20");
        require(streamsMax >= 1 && streamsMax <= 100_000, "streams-max must be 1..100000");
        require(
                historyMax >= 1 && historyMax <= WebChatMessages.PAGE_MAX,
                "history-max must be 1.." + WebChatMessages.PAGE_MAX);
        require(
                retention != null
                        && retention.compareTo(Duration.ofDays(1)) >= 0
                        && retention.compareTo(Duration.ofDays(3660)) <= 0,
                "retention must be 1d..3660d");
        require(messagesPerMinuteMax >= 1 && messagesPerMinuteMax <= 1000, "messages-per-minute-max must be 1..1000");
        require(
                messagesPerAddressPerMinuteMax >= 1 && messagesPerAddressPerMinuteMax <= 100_000,
                "messages-per-address-per-minute-max must be 1..100000");
        require(
                linkedIdleTimeout != null
                        && linkedIdleTimeout.compareTo(Duration.ofMinutes(1)) >= 0
                        && linkedIdleTimeout.compareTo(Duration.ofDays(1)) <= 0,
                "linked-idle-timeout must be 1m..1d");
        require(
                linkedLifetime != null
                        && linkedLifetime.compareTo(linkedIdleTimeout) >= 0
                        && linkedLifetime.compareTo(Duration.ofDays(30)) <= 0,
                "linked-lifetime must be linked-idle-timeout..30d");
        require(
                streamsPerAddressMax >= 1 && streamsPerAddressMax <= 100_000,
                "streams-per-address-max must be 1..100000");
    }

    /**
     * The settings before the per-address limits and the linked-session expiry, with their defaults.
     */
    public WebChatProperties(
            Duration streamLifetime,
            Duration streamPoll,
            int streamsPerVisitorMax,
            int streamsMax,
            int historyMax,
            int messagesPerMinuteMax,
            Duration retention) {
        this(
                streamLifetime,
                streamPoll,
                streamsPerVisitorMax,
                streamsMax,
                historyMax,
                messagesPerMinuteMax,
                retention,
                120,
                Duration.ofMinutes(30),
                Duration.ofHours(12),
                100);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException("socialbank.webchat." + message);
        }
    }
}
