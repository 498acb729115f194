package org.socialbank.channels.telegram;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The bots of the Telegram and Bale adapter: {@code socialbank.channels.telegram.bots.<name>.*}
 * and {@code socialbank.channels.bale.bots.<name>.*}. No bot configured: the adapter is idle.
 */
@ConfigurationProperties("socialbank.channels")
public record TelegramProperties(
        @DefaultValue Bots telegram, @DefaultValue Bots bale) {

    static final String TELEGRAM_API = "https://api.telegram.org";
    static final String BALE_API = "https://tapi.bale.ai";

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,31}");
    private static final Pattern SECRET = Pattern.compile("[A-Za-z0-9_-]{16,256}");
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9:_-]{8,128}");

    public TelegramProperties {
        telegram = telegram.withDefaults("telegram", TELEGRAM_API);
        bale = bale.withDefaults("bale", BALE_API);
    }

    /** The bots of one network, by name (the last segment of their webhook path). */
    public record Bots(Map<String, Bot> bots) {

        public Bots {
            bots = bots == null ? Map.of() : Map.copyOf(bots);
        }

        Bots withDefaults(String network, String defaultBase) {
            Map<String, Bot> checked = new TreeMap<>();
            bots.forEach((name, bot) -> {
                String where = "socialbank.channels." + network + ".bots." + name;
                require(NAME.matcher(name).matches(), where + ": a bot's name is 1 to 32 of a-z, 0-9, '_' and '-'");
                checked.put(name, bot.checked(where, defaultBase));
            });
            return new Bots(checked);
        }
    }

    /**
     * One bot.
     *
     * @param token the token BotFather (or Bale's BotFather) gave; calls go to {@code <api-base-url>/bot<token>/<method>}
     * @param secretToken the {@code X-Telegram-Bot-Api-Secret-Token} every webhook call must carry (16..256 of A-Z, a-z, 0-9, _ and -)
     * @param apiBaseUrl the Bot API server; defaults to the network's
     * @param mode {@code webhook} (the platform posts updates) or {@code polling} ({@code getUpdates}, for development)
     * @param webhookUrl the public HTTPS URL registered with {@code setWebhook} at start-up; none: left as it is
     * @param username the bot's username without '@' (mentions in groups); none: asked with {@code getMe}
     * @param messagesPerSecond messages this bot sends at most in any second, all chats together
     * @param chatMessagesPerSecond messages one private chat gets at most in any second
     * @param groupMessagesPerMinute messages one group gets at most in any minute
     * @param throttleWaitMax how long one send may wait for its turn before it is left to a later relay run
     * @param requestTimeout how long one Bot API call may take
     * @param pollTimeout how long one {@code getUpdates} call waits for updates (polling mode)
     */
    public record Bot(
            String token,
            String secretToken,
            String apiBaseUrl,
            @DefaultValue("webhook") String mode,
            String webhookUrl,
            String username,
            @DefaultValue("30") int messagesPerSecond,
            @DefaultValue("1") int chatMessagesPerSecond,
            @DefaultValue("20") int groupMessagesPerMinute,
            @DefaultValue("5s") Duration throttleWaitMax,
            @DefaultValue("10s") Duration requestTimeout,
            @DefaultValue("25s") Duration pollTimeout) {

        boolean polling() {
            return "polling".equals(mode);
        }

        Bot checked(String where, String defaultBase) {
            String base = apiBaseUrl == null || apiBaseUrl.isBlank() ? defaultBase : stripSlash(apiBaseUrl.strip());
            String m = mode == null ? "webhook" : mode.strip().toLowerCase(Locale.ROOT);
            require(
                    token != null && TOKEN.matcher(token).matches(),
                    where + ".token is required (8..128 of A-Z, a-z, 0-9, ':', '_', '-')");
            require(m.equals("webhook") || m.equals("polling"), where + ".mode must be webhook or polling");
            require(
                    m.equals("polling")
                            || (secretToken != null
                                    && SECRET.matcher(secretToken).matches()),
                    where + ".secret-token is required in webhook mode: 16..256 of A-Z, a-z, 0-9, '_' and '-'");
            require(httpUrl(base), where + ".api-base-url must be an http(s) URL");
            require(
                    webhookUrl == null || webhookUrl.isBlank() || webhookUrl.startsWith("https://"),
                    where + ".webhook-url must be an https URL (the platforms post only to HTTPS)");
            require(
                    username == null || username.matches("[A-Za-z0-9_]{1,64}"),
                    where + ".username is the bot's name without '@'");
            require(
                    messagesPerSecond >= 1 && messagesPerSecond <= 1000,
                    where + ".messages-per-second must be 1..1000");
            require(
                    chatMessagesPerSecond >= 1 && chatMessagesPerSecond <= 100,
                    where + ".chat-messages-per-second must be 1..100");
            require(
                    groupMessagesPerMinute >= 1 && groupMessagesPerMinute <= 1000,
                    where + ".group-messages-per-minute must be 1..1000");
            require(
                    within(throttleWaitMax, Duration.ZERO, Duration.ofMinutes(1)),
                    where + ".throttle-wait-max must be 0..1m");
            require(
                    within(requestTimeout, Duration.ofMillis(100), Duration.ofMinutes(2)),
                    where + ".request-timeout must be 100ms..2m");
            require(within(pollTimeout, Duration.ZERO, Duration.ofSeconds(50)), where + ".poll-timeout must be 0..50s");
            return new Bot(
                    token,
                    secretToken,
                    base,
                    m,
                    webhookUrl == null || webhookUrl.isBlank() ? null : webhookUrl,
                    username,
                    messagesPerSecond,
                    chatMessagesPerSecond,
                    groupMessagesPerMinute,
                    throttleWaitMax,
                    requestTimeout,
                    pollTimeout);
        }

        /** Never the token: it is a password. */
        @Override
        public String toString() {
            return "Bot[" + apiBaseUrl + ", " + mode + "]";
        }
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static boolean httpUrl(String url) {
        try {
            URI uri = URI.create(url);
            return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean within(Duration d, Duration min, Duration max) {
        return d != null && d.compareTo(min) >= 0 && d.compareTo(max) <= 0;
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
