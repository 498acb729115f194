package org.socialbank.channels.telegram;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Each bot's webhook as its platform sees it ({@code getWebhookInfo}): the URL, the updates
 * waiting and the last delivery error. Down when a bot's platform cannot be asked, or a webhook
 * bot's registered URL is not the configured one.
 */
@Component("telegram")
class TelegramHealth implements HealthIndicator {

    private final TelegramBots bots;

    TelegramHealth(TelegramBots bots) {
        this.bots = bots;
    }

    @Override
    public Health health() {
        Health.Builder health = Health.up();
        for (ConfiguredBot bot : bots.all()) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("mode", bot.settings().mode());
            BotApi.Answer answer = bot.api().call("getWebhookInfo", BotApi.JSON.createObjectNode());
            if (answer instanceof BotApi.Ok ok) {
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
}
