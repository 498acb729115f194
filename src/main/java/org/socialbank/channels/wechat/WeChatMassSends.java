package org.socialbank.channels.wechat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialbank.conversation.SendOutcome;
import org.socialbank.conversation.engine.DeliveryReports;
import org.socialbank.shared.jdbc.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Campaign messages to WeChat followers outside their 48-hour window, sent by WeChat's mass send
 * (issue 17, 3.13): template messages are not for marketing, and customer-service messages cannot
 * reach them. A message joins a group (its campaign and its text: her tracked link is replaced by
 * the campaign's target, since one text goes to all) and the relay is told "not now"; a round
 * ({@link #sendWaiting}, every {@code mass-send-interval}, 10 s) posts each group of 2 to 10,000 followers to {@code message/mass/send}
 * and keeps the job's {@code msg_id}; the relay's next try answers sent or failed with WeChat's
 * reason. A follower who already got 4 mass messages this natural month (China time) is failed
 * before joining, as WeChat would drop it; a follower left alone in a group past
 * {@link #GATHER_MAX} fails (WeChat takes no list of one). The {@code MASSSENDJOBFINISH} event's
 * counts are kept on the job, and become each recipient's report when they say all or none.
 */
public class WeChatMassSends {

    static final String MASS_SEND = "/cgi-bin/message/mass/send";
    /** WeChat's OpenID list: at least 2, at most 10,000. */
    static final int LIST_MIN = 2;

    static final int LIST_MAX = 10_000;
    /** Mass messages one follower of a service account receives in a natural month. */
    static final int MONTHLY_MAX = 4;
    /** How long a lone follower waits for another to share her group. */
    static final Duration GATHER_MAX = Duration.ofMinutes(10);
    /** When the relay asks again about a waiting message. */
    static final Duration ASK_AGAIN = Duration.ofSeconds(2);
    /** Groups one round sends at most (WeChat allows 60 mass-send calls a minute). */
    static final int GROUPS_MAX = 20;

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final Logger log = LoggerFactory.getLogger(WeChatMassSends.class);

    private final JdbcClient jdbc;
    private final DeliveryReports reports;
    private final WeChatClient client;
    private final WeChatProperties properties;
    private final Clock clock;

    public WeChatMassSends(
            JdbcClient jdbc, DeliveryReports reports, WeChatClient client, WeChatProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.reports = reports;
        this.client = client;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${socialbank.channels.wechat.mass-send-interval:10s}",
            initialDelayString = "${socialbank.channels.wechat.mass-send-interval:10s}")
    void scheduled() {
        if (!properties.enabled()) {
            return;
        }
        try {
            sendWaiting();
        } catch (RuntimeException e) {
            log.warn("wechat: this mass-send round failed; its followers wait for the next", e);
        }
    }

    /** What became of this outbox row's mass send, when it joined one (then it never goes another way). */
    Optional<SendOutcome> known(UUID outboxId) {
        return jdbc.sql("SELECT status, reason FROM wechat_mass_recipients WHERE outbox_id = ?")
                .param(outboxId)
                .query((rs, n) -> switch (rs.getString(1)) {
                    case "sent" -> (SendOutcome) new SendOutcome.Sent();
                    case "failed" -> new SendOutcome.Failed(false, rs.getString(2));
                    default -> new SendOutcome.NotNow(ASK_AGAIN, "waiting for the campaign's WeChat mass send");
                })
                .optional();
    }

    /** Joins this outbox row to its group, unless the follower's month of mass messages is used. */
    SendOutcome join(UUID outboxId, UUID campaignId, String openId, String text) {
        Instant now = clock.instant();
        if (receivedThisMonth(openId, now) >= MONTHLY_MAX) {
            return new SendOutcome.Failed(
                    false, "WeChat's " + MONTHLY_MAX + " mass messages a month to this follower are used");
        }
        String shown = text.length() > 4_000 ? text.substring(0, 4_000) : text;
        jdbc.sql(
                        "INSERT INTO wechat_mass_recipients (outbox_id, campaign_id, open_id, text_hash, text, status, created_at) "
                                + "VALUES (?, ?, ?, ?, ?, 'waiting', ?)")
                .params(outboxId, campaignId, openId, sha256(shown), shown, Timestamps.utc(now))
                .update();
        return new SendOutcome.NotNow(ASK_AGAIN, "waiting for the campaign's WeChat mass send");
    }

    private long receivedThisMonth(String openId, Instant now) {
        Instant monthStart = now.atZone(CHINA)
                .withDayOfMonth(1)
                .toLocalDate()
                .atStartOfDay(CHINA)
                .toInstant();
        return jdbc.sql(
                        "SELECT COUNT(*) FROM wechat_mass_recipients WHERE open_id = ? AND status = 'sent' AND sent_at >= ?")
                .params(openId, Timestamps.utc(monthStart))
                .query(Long.class)
                .single();
    }

    /** A group of waiting followers: one campaign, one text. */
    record Group(UUID campaignId, String textHash) {}

    /** Sends each waiting group (at most {@link #GROUPS_MAX}); answers how many followers went. */
    int sendWaiting() {
        List<Group> groups = jdbc.sql(
                        "SELECT DISTINCT campaign_id, text_hash FROM wechat_mass_recipients WHERE status = 'waiting'")
                .query((rs, n) -> new Group(rs.getObject(1, UUID.class), rs.getString(2)))
                .list();
        int sent = 0;
        for (Group group : groups.subList(0, Math.min(GROUPS_MAX, groups.size()))) {
            sent += send(group);
        }
        return sent;
    }

    /** One waiting follower of a group. */
    private record Waiting(UUID outboxId, String openId, String text, Instant createdAt) {}

    private int send(Group group) {
        Instant now = clock.instant();
        List<Waiting> rows = jdbc.sql("SELECT outbox_id, open_id, text, created_at FROM wechat_mass_recipients "
                        + "WHERE status = 'waiting' AND campaign_id = ? AND text_hash = ? ORDER BY created_at LIMIT ?")
                .params(group.campaignId(), group.textHash(), LIST_MAX)
                .query((rs, n) -> new Waiting(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getObject(4, java.time.OffsetDateTime.class).toInstant()))
                .list();
        if (rows.size() < LIST_MIN) {
            if (!rows.isEmpty() && rows.get(0).createdAt().plus(GATHER_MAX).isBefore(now)) {
                settle(
                        rows,
                        "failed",
                        "a WeChat mass send needs at least two followers; none joined in " + GATHER_MAX,
                        null,
                        now);
            }
            return 0;
        }
        ObjectNode body = WeChatApi.JSON.createObjectNode();
        ArrayNode to = body.putArray("touser");
        rows.forEach(r -> to.add(r.openId()));
        body.put("msgtype", "text").putObject("text").put("content", rows.get(0).text());
        // WeChat sends a repeated clientmsgid once (at most 64 characters): a round retried after no answer
        body.put("clientmsgid", rows.get(0).outboxId().toString().replace("-", ""));
        WeChatApi.Answer answer = client.post(MASS_SEND, WeChatApi.JSON.writeValueAsString(body));
        if (answer instanceof WeChatApi.Ok ok && ok.body().path("msg_id").isIntegralNumber()) {
            long msgId = ok.body().path("msg_id").asLong();
            jdbc.sql("INSERT INTO wechat_mass_jobs (msg_id, campaign_id, recipients, submitted_at) VALUES (?, ?, ?, ?)")
                    .params(msgId, group.campaignId(), rows.size(), Timestamps.utc(now))
                    .update();
            settle(rows, "sent", null, msgId, now);
            return rows.size();
        }
        if (answer instanceof WeChatApi.Refused refused) {
            settle(rows, "failed", "WeChat errcode " + refused.errcode() + ": " + refused.errmsg(), null, now);
        } else {
            log.warn("wechat: a mass send of {} followers got no answer; it is tried again: {}", rows.size(), answer);
        }
        return 0;
    }

    private void settle(List<Waiting> rows, String status, String reason, Long msgId, Instant now) {
        for (Waiting r : rows) {
            jdbc.sql("UPDATE wechat_mass_recipients SET status = ?, reason = ?, msg_id = ?, sent_at = ? "
                            + "WHERE outbox_id = ? AND status = 'waiting'")
                    .params(status, reason, msgId, "sent".equals(status) ? Timestamps.utc(now) : null, r.outboxId())
                    .update();
        }
    }

    /**
     * WeChat's {@code MASSSENDJOBFINISH}: the job's counts are kept; when it says every follower got
     * it, each recipient is {@code delivered}; when none did, each is failed with WeChat's status.
     * Between the two WeChat does not say who, and the recipients stay as the send left them.
     */
    void finished(long msgId, String status, int total, int filtered, int sent, int errors) {
        Instant now = clock.instant();
        int known = jdbc.sql(
                        "UPDATE wechat_mass_jobs SET status = ?, total_count = ?, filter_count = ?, sent_count = ?, "
                                + "error_count = ?, finished_at = ? WHERE msg_id = ? AND finished_at IS NULL")
                .params(status, total, filtered, sent, errors, Timestamps.utc(now), msgId)
                .update();
        if (known == 0) {
            return; // another account's job, or the event again
        }
        List<UUID> recipients = jdbc.sql("SELECT outbox_id FROM wechat_mass_recipients WHERE msg_id = ?")
                .param(msgId)
                .query(UUID.class)
                .list();
        if (sent > 0 && sent == total && errors == 0 && filtered == 0) {
            recipients.forEach(id -> reports.reached(id, "delivered", now));
        } else if (sent == 0) {
            String reason = "WeChat mass send: " + status;
            jdbc.sql("UPDATE wechat_mass_recipients SET status = 'failed', reason = ? WHERE msg_id = ?")
                    .params(reason, msgId)
                    .update(); // the relay, asking again, hears it failed
            recipients.forEach(id -> reports.failed(id, reason, now));
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
