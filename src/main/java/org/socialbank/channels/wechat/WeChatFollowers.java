package org.socialbank.channels.wechat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.socialbank.shared.jdbc.Timestamps;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * WeChat's 48-hour rule, per follower: customer-service messages may be sent only within 48 hours
 * of the follower's last message, and only so many; afterwards only template messages reach them.
 */
public class WeChatFollowers {

    public static final Duration WINDOW = Duration.ofHours(48);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final int messagesMax;

    public WeChatFollowers(JdbcClient jdbc, Clock clock, int messagesMax) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.messagesMax = messagesMax;
    }

    /** The follower wrote: the window opens again with a fresh quota. */
    public void wrote(String openId) {
        Instant now = clock.instant();
        int updated = jdbc.sql("UPDATE wechat_followers SET last_inbound_at = ?, sent_since = 0 WHERE open_id = ?")
                .params(Timestamps.utc(now), openId)
                .update();
        if (updated == 0) {
            try {
                jdbc.sql("INSERT INTO wechat_followers (open_id, last_inbound_at, sent_since) VALUES (?, ?, 0)")
                        .params(openId, Timestamps.utc(now))
                        .update();
            } catch (DuplicateKeyException raced) {
                wrote(openId);
            }
        }
    }

    /**
     * Takes one customer-service message from the follower's quota; false when the window is closed
     * or the quota used up (the message then needs a template).
     */
    public boolean takeCustomMessage(String openId) {
        Instant since = clock.instant().minus(WINDOW);
        return jdbc.sql("UPDATE wechat_followers SET sent_since = sent_since + 1 WHERE open_id = ? "
                                + "AND last_inbound_at > ? AND sent_since < ?")
                        .params(openId, Timestamps.utc(since), messagesMax)
                        .update()
                == 1;
    }

    /** WeChat said the window is closed (45015, 45047): believe it until the follower writes again. */
    public void closeWindow(String openId) {
        jdbc.sql("UPDATE wechat_followers SET sent_since = ? WHERE open_id = ?")
                .params(messagesMax, openId)
                .update();
    }

    public Optional<Instant> lastWrote(String openId) {
        return jdbc.sql("SELECT last_inbound_at FROM wechat_followers WHERE open_id = ?")
                .param(openId)
                .query((rs, n) -> Timestamps.instant(rs, "last_inbound_at"))
                .optional();
    }

    /** The follower unsubscribed: what WeChat lets us keep of them goes. */
    public void forget(String openId) {
        jdbc.sql("DELETE FROM wechat_followers WHERE open_id = ?").param(openId).update();
    }
}
