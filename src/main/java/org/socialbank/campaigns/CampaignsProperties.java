package org.socialbank.campaigns;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.socialbank.shared.Network;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of campaigns ({@code socialbank.campaigns.*}), validated at start-up.
 *
 * @param sendInterval how often a node expands audiences and sends a round
 * @param messagesPerSecond the pace of campaign messages this node hands to the outbox over every
 *     network together (its own work: a round settles recipients one by one); each network has its
 *     own pace under it ({@code platforms})
 * @param roundMax the most recipients one round settles
 * @param rewardSettle how old a journal row must be before the reward follower passes it (a row
 *     whose transaction committed later than a higher sequence would otherwise be skipped)
 * @param platforms each network's campaign pace, by its wire name ({@code telegram}, {@code bale},
 *     {@code whatsapp}, {@code wechat}, {@code x}, {@code webchat}); a network left out keeps its
 *     default ({@link #DEFAULTS}), a field left out keeps that network's default
 * @param nodes how many nodes send campaigns: each takes {@code 1/nodes} of every platform's rate
 *     and daily cap, so that together they stay within the platform's budget (the paces are in
 *     each node's memory, not shared)
 */
@ConfigurationProperties("socialbank.campaigns")
public record CampaignsProperties(
        @DefaultValue("5s") Duration sendInterval,
        @DefaultValue("25") int messagesPerSecond,
        @DefaultValue("500") int roundMax,
        @DefaultValue("5s") Duration rewardSettle,
        Map<String, Platform> platforms,
        @DefaultValue("1") int nodes) {

    /**
     * One network's campaign pace for the whole bank (all nodes).
     *
     * @param perSecond messages a second (a fraction for X)
     * @param dailyMax messages in any moving 24 hours, 0 for no such cap; on WhatsApp the business
     *     portfolio's messaging limit (its tier): 250, 2000, 10000, 100000, or 0 for unlimited
     */
    public record Platform(Double perSecond, Integer dailyMax) {}

    /**
     * The defaults, from each platform's documented rules, below them so that replies and alerts
     * (which share the bot or number) still go: Telegram's Bot FAQ allows about 30 messages a second
     * to many users (25); Bale publishes no figure and copies Telegram's Bot API (20); WhatsApp's
     * default throughput is 80 a second shared with every reply (20), and a new portfolio's
     * messaging limit is 250 users in a moving 24 hours outside their window (every campaign
     * message is counted against it); WeChat's customer-service send is capped at 500,000 calls a
     * day shared with every reply (10 a second, 100,000 a day); X allows 200 DMs in 15 minutes and
     * 1,000 a day to one sending account (campaigns never go to X today, refused at sending); the
     * web chat is the bank's own (200).
     */
    public static final Map<Network, Platform> DEFAULTS = Map.of(
            Network.TELEGRAM, new Platform(25.0, 0),
            Network.BALE, new Platform(20.0, 0),
            Network.WHATSAPP, new Platform(20.0, 250),
            Network.WECHAT, new Platform(10.0, 100_000),
            Network.X, new Platform(200.0 / 900, 1_000),
            Network.WEBCHAT, new Platform(200.0, 0));

    /** WhatsApp's messaging limits (tiers); 0 is "unlimited". */
    static final Set<Integer> WHATSAPP_TIERS = Set.of(0, 250, 2_000, 10_000, 100_000);

    @ConstructorBinding
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
        require(nodes >= 1 && nodes <= 100, "nodes must be 1..100");
        platforms = checked(platforms);
    }

    /** The settings with every platform's default pace and one node. */
    public CampaignsProperties(Duration sendInterval, int messagesPerSecond, int roundMax, Duration rewardSettle) {
        this(sendInterval, messagesPerSecond, roundMax, rewardSettle, Map.of(), 1);
    }

    /** Every network's pace for the bank, defaults filled in. */
    Map<Network, Platform> paces() {
        Map<Network, Platform> paces = new EnumMap<>(Network.class);
        platforms.forEach((name, p) -> paces.put(Network.fromWireName(name).orElseThrow(), p));
        return paces;
    }

    private static Map<String, Platform> checked(Map<String, Platform> given) {
        Map<String, Platform> checked = new java.util.TreeMap<>();
        Map<String, Platform> raw = given == null ? Map.of() : given;
        raw.keySet()
                .forEach(name -> require(
                        Network.fromWireName(name.toLowerCase(Locale.ROOT)).isPresent(),
                        "platforms." + name + ": not a network (telegram, bale, whatsapp, wechat, x, webchat)"));
        for (Network network : Network.values()) {
            Platform fallback = DEFAULTS.get(network);
            Platform set = raw.get(network.wireName());
            Platform p = new Platform(
                    set == null || set.perSecond() == null ? fallback.perSecond() : set.perSecond(),
                    set == null || set.dailyMax() == null ? fallback.dailyMax() : set.dailyMax());
            String where = "platforms." + network.wireName();
            require(p.perSecond() > 0 && p.perSecond() <= 10_000, where + ".per-second must be above 0, at most 10000");
            require(p.dailyMax() >= 0 && p.dailyMax() <= 100_000_000, where + ".daily-max must be 0..100000000");
            require(
                    network != Network.WHATSAPP || WHATSAPP_TIERS.contains(p.dailyMax()),
                    where + ".daily-max is the messaging limit of the WhatsApp business portfolio: "
                            + "250, 2000, 10000, 100000, or 0 for unlimited");
            checked.put(network.wireName(), p);
        }
        return Map.copyOf(checked);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException("socialbank.campaigns." + message);
        }
    }
}
