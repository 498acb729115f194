package org.socialbank.conversation;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the conversation engine, validated at start-up.
 *
 * @param buttonTtl how long a confirmation button stays valid, and a payment being put together is kept
 * @param relayEnabled whether this node runs the outbox relay on a schedule
 * @param relayInterval the pause between two relay runs
 * @param relayBatchMax most outbox rows one relay run claims
 * @param relayLease how long a claimed row stays with the relay that claimed it
 * @param sendAttemptsMax tries of one message before it is FAILED
 * @param retryBase the pause before the first retry; it doubles each time, with jitter
 * @param janitorInterval the pause between two runs of the outbox and retention janitor
 * @param unknownGrace how long a send with an unknown outcome waits before the janitor resends it
 *     (channels that dedupe) or gives it up (the others: a duplicate would confuse a customer)
 * @param retention how long handled inbox rows and finished outbox rows are kept (expired
 *     buttons: a day); at least 2 days, longer than any platform redelivers an update
 * @param janitorBatchMax most rows of each kind one janitor run touches
 * @param relayInFlightMax most sends one node's relay has under way at once (different chats)
 * @param relayChannelInFlightMax most of those on one channel, so a channel that must wait never
 *     takes every worker from the others
 * @param rateLimitWaitMax how long a message may be put back for rate limits ("not now", which is
 *     no send attempt) after it was written; past this each "not now" counts as a failed try
 * @param sentPayloadTtl how long the (sealed) content of a sent or failed message is kept before
 *     it is blanked; the row itself stays for the retention
 * @param webchatActiveWindow a linked web chat takes the customer's alerts (a money request, a held
 *     payment's outcome...) only if she wrote there within this; else her next linked chat does,
 *     since a closed tab's chat stays linked until its session times out (review 2026-12-07)
 */
@ConfigurationProperties("socialbank.conversation")
public record ConversationProperties(
        @DefaultValue("10m") Duration buttonTtl,
        @DefaultValue("true") boolean relayEnabled,
        @DefaultValue("1s") Duration relayInterval,
        @DefaultValue("50") int relayBatchMax,
        @DefaultValue("30s") Duration relayLease,
        @DefaultValue("8") int sendAttemptsMax,
        @DefaultValue("2s") Duration retryBase,
        @DefaultValue("1m") Duration janitorInterval,
        @DefaultValue("10m") Duration unknownGrace,
        @DefaultValue("30d") Duration retention,
        @DefaultValue("1000") int janitorBatchMax,
        @DefaultValue("32") int relayInFlightMax,
        @DefaultValue("16") int relayChannelInFlightMax,
        @DefaultValue("6h") Duration rateLimitWaitMax,
        @DefaultValue("10m") Duration sentPayloadTtl,
        @DefaultValue("2m") Duration webchatActiveWindow) {

    public ConversationProperties {
        require(positiveAtMost(buttonTtl, Duration.ofHours(1)), "button-ttl must be positive and at most 1h");
        require(positiveAtMost(relayInterval, Duration.ofMinutes(5)), "relay-interval must be positive and at most 5m");
        require(relayBatchMax >= 1 && relayBatchMax <= 1000, "relay-batch-max must be 1..1000");
        require(positiveAtMost(relayLease, Duration.ofMinutes(10)), "relay-lease must be positive and at most 10m");
        require(sendAttemptsMax >= 1 && sendAttemptsMax <= 50, "send-attempts-max must be 1..50");
        require(positiveAtMost(retryBase, Duration.ofMinutes(10)), "retry-base must be positive and at most 10m");
        require(
                positiveAtMost(janitorInterval, Duration.ofHours(1)),
                "janitor-interval must be positive and at most 1h");
        require(positiveAtMost(unknownGrace, Duration.ofDays(1)), "unknown-grace must be positive and at most 1d");
        require(
                retention != null
                        && retention.compareTo(Duration.ofDays(2)) >= 0
                        && retention.compareTo(Duration.ofDays(3660)) <= 0,
                "retention must be 2d..3660d");
        require(janitorBatchMax >= 1 && janitorBatchMax <= 10_000, "janitor-batch-max must be 1..10000");
        require(relayInFlightMax >= 1 && relayInFlightMax <= 256, "relay-in-flight-max must be 1..256");
        require(
                relayChannelInFlightMax >= 1 && relayChannelInFlightMax <= relayInFlightMax,
                "relay-channel-in-flight-max must be 1..relay-in-flight-max");
        require(
                rateLimitWaitMax != null
                        && rateLimitWaitMax.compareTo(Duration.ofMinutes(1)) >= 0
                        && rateLimitWaitMax.compareTo(Duration.ofDays(7)) <= 0,
                "rate-limit-wait-max must be 1m..7d");
        require(
                sentPayloadTtl != null
                        && !sentPayloadTtl.isNegative()
                        && sentPayloadTtl.compareTo(Duration.ofDays(1)) <= 0,
                "sent-payload-ttl must be 0s..1d");
        require(
                webchatActiveWindow != null
                        && webchatActiveWindow.compareTo(Duration.ofSeconds(10)) >= 0
                        && webchatActiveWindow.compareTo(Duration.ofHours(1)) <= 0,
                "webchat-active-window must be 10s..1h");
    }

    private static boolean positiveAtMost(Duration d, Duration max) {
        return d != null && !d.isNegative() && !d.isZero() && d.compareTo(max) <= 0;
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException("socialbank.conversation." + message);
        }
    }
}
