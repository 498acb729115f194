package org.socialbank.campaigns;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of campaigns ({@code socialbank.campaigns.*}), validated at start-up.
 *
 * @param sendInterval how often a node expands audiences and sends a round
 * @param messagesPerSecond the pace of campaign messages this node hands to the outbox (below
 *     Telegram's ~30/s per bot; the outbox relay's per-network budgets still apply after it)
 * @param roundMax the most recipients one round settles
 * @param rewardSettle how old a journal row must be before the reward follower passes it (a row
 *     whose transaction committed later than a higher sequence would otherwise be skipped)
 */
@ConfigurationProperties("socialbank.campaigns")
public record CampaignsProperties(
        @DefaultValue("5s") Duration sendInterval,
        @DefaultValue("25") int messagesPerSecond,
        @DefaultValue("500") int roundMax,
        @DefaultValue("5s") Duration rewardSettle) {

    public CampaignsProperties {
        require(
                sendInterval != null
                        && !sendInterval.isNegative()
                        && !sendInterval.isZero()
                        && sendInterval.compareTo(Duration.ofHours(1)) <= 0,
                "send-interval must be positive and at most 1h");
        require(messagesPerSecond >= 1 && messagesPerSecond <= 10_000, "messages-per-second must be 1..10000");
        require(roundMax >= 1 && roundMax <= 10_000, "round-max must be 1..10000");
        require(
                rewardSettle != null
                        && !rewardSettle.isNegative()
                        && rewardSettle.compareTo(Duration.ofMinutes(10)) <= 0,
                "reward-settle must be 0s..10m");
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException("socialbank.campaigns." + message);
        }
    }
}
