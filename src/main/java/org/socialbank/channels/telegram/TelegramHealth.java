package org.socialbank.channels.telegram;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Each bot's webhook as its platform sees it ({@code getWebhookInfo}): the URL, the updates
 * waiting and the last delivery error. Down when a bot's platform cannot be asked, or a webhook
 * bot's registered URL is not the configured one.
 *
 * <p>{@code /actuator/health} is public, so it must not make an outbound call per request
 * (security review #14): each bot's answer, good or bad, is kept for {@link #CACHED_FOR} and asked
 * again only once it is older, by one caller at a time; the others meanwhile see the last answer.
 */
@Component("telegram")
class TelegramHealth implements HealthIndicator {

    /** How long one bot's {@code getWebhookInfo} answer is shown before the platform is asked again. */
    static final Duration CACHED_FOR = Duration.ofSeconds(60);

    private final TelegramBots bots;
    private final Clock clock;
    private final Duration cachedFor;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    @Autowired
    TelegramHealth(TelegramBots bots, Clock clock) {
        this(bots, clock, CACHED_FOR);
    }

    TelegramHealth(TelegramBots bots, Clock clock, Duration cachedFor) {
        this.bots = bots;
        this.clock = clock;
        this.cachedFor = cachedFor;
        bots.all().forEach(bot -> cache.put(bot.toString(), new Cached()));
    }

    /** One bot's last answer and when it came; the lock lets one caller at a time ask again. */
    private static final class Cached {
        final ReentrantLock asking = new ReentrantLock();
        volatile TelegramApi.Answer answer;
        volatile Instant at;
    }

    @Override
    public Health health() {
        Health.Builder health = Health.up();
        for (ConfiguredBot bot : bots.all()) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("mode", bot.settings().mode());
            TelegramApi.Answer answer = webhookInfo(bot);
            if (answer instanceof TelegramApi.Ok ok) {
                JsonNode info = ok.result();
                String url = info.path("url").asString("");
                details.put("webhookUrl", url);
                details.put("pendingUpdates", info.path("pending_update_count").asLong(0));
                if (info.has("last_error_message")) {
                    details.put("lastError", info.path("last_error_message").asString(""));
                    details.put("lastErrorDate", info.path("last_error_date").asLong(0));
                }
                String wanted = bot.settings().webhookUrl();
                if (wanted != null && !wanted.equals(url)) {
                    health.down();
                }
            } else {
                details.put("error", answer.toString());
                health.down();
            }
            health.withDetail(bot.toString(), details);
        }
        return health.build();
    }

    /** The cached answer while it is fresh; else asked again by this caller, or the last one while another asks. */
    private TelegramApi.Answer webhookInfo(ConfiguredBot bot) {
        Cached cached = cache.get(bot.toString());
        if (fresh(cached)) {
            return cached.answer;
        }
        TelegramApi.Answer last = cached.answer;
        if (last != null && !cached.asking.tryLock()) {
            return last; // another caller is asking right now
        }
        if (last == null) {
            cached.asking.lock(); // nothing to show yet: wait for the first answer
        }
        try {
            if (!fresh(cached)) {
                cached.answer = bot.api().call("getWebhookInfo", TelegramApi.JSON.createObjectNode());
                cached.at = clock.instant();
            }
            return cached.answer;
        } finally {
            cached.asking.unlock();
        }
    }

    private boolean fresh(Cached cached) {
        Instant at = cached.at;
        return cached.answer != null && at != null && clock.instant().isBefore(at.plus(cachedFor));
    }
}
