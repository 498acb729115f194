package org.socialbank.channels.wechat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialbank.shared.jdbc.Timestamps;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The account's access_token, one for the whole cluster, in the database. A token close to its
 * expiry is refreshed by the one node that holds the row's lease; the others wait for it (or keep
 * using the old token while it lasts). A token is only ever replaced by one that expires later,
 * so a slow node cannot put back an older token.
 */
public class WeChatAccessTokens {

    private static final Logger log = LoggerFactory.getLogger(WeChatAccessTokens.class);
    private static final Duration WAIT_MAX = Duration.ofSeconds(5);

    private final JdbcClient jdbc;
    private final WeChatApi api;
    private final WeChatProperties properties;
    private final Clock clock;
    private final String holder = UUID.randomUUID().toString();

    public WeChatAccessTokens(JdbcClient jdbc, WeChatApi api, WeChatProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.api = api;
        this.properties = properties;
        this.clock = clock;
    }

    private record Row(String token, Instant expiresAt) {
        boolean fresh(Instant now, Duration margin) {
            return token != null && expiresAt.minus(margin).isAfter(now);
        }

        boolean usable(Instant now) {
            return token != null && expiresAt.isAfter(now);
        }
    }

    /** A valid token, refreshed first when it is close to its expiry; empty when WeChat gives none. */
    public Optional<String> current() {
        Instant now = clock.instant();
        Row row = read();
        if (row.fresh(now, properties.tokenRefreshMargin())) {
            return Optional.of(row.token());
        }
        if (lease(now)) {
            try {
                return refresh(now);
            } finally {
                jdbc.sql("UPDATE wechat_access_tokens SET lease_holder = NULL, lease_until = NULL "
                                + "WHERE app_id = ? AND lease_holder = ?")
                        .params(properties.appId(), holder)
                        .update();
            }
        }
        return awaitOther(row);
    }

    /** WeChat said this token is not valid (40001): it is not used again, the next call refreshes. */
    public void invalidate(String token) {
        jdbc.sql("UPDATE wechat_access_tokens SET expires_at = ?, updated_at = ? WHERE app_id = ? "
                        + "AND access_token = ?")
                .params(Timestamps.utc(Instant.EPOCH), Timestamps.utc(clock.instant()), properties.appId(), token)
                .update();
    }

    private Optional<String> refresh(Instant now) {
        Row row = read(); // another node may have refreshed before this one got the lease
        if (row.fresh(now, properties.tokenRefreshMargin())) {
            return Optional.of(row.token());
        }
        WeChatApi.Answer answer = api.fetchToken(properties.appId(), properties.appSecret());
        Optional<WeChatApi.Token> token = answer instanceof WeChatApi.Ok ok ? WeChatApi.token(ok) : Optional.empty();
        if (token.isEmpty()) {
            log.warn("WeChat gave no access token: {}", WeChatApi.describe(answer)); // an Ok's body may hold one
            return row.usable(now) ? Optional.of(row.token()) : Optional.empty();
        }
        Instant expires = now.plusSeconds(token.get().expiresInSeconds());
        jdbc.sql("UPDATE wechat_access_tokens SET access_token = ?, expires_at = ?, updated_at = ? "
                        + "WHERE app_id = ? AND (expires_at IS NULL OR expires_at < ?)")
                .params(
                        token.get().value(),
                        Timestamps.utc(expires),
                        Timestamps.utc(now),
                        properties.appId(),
                        Timestamps.utc(expires))
                .update();
        return Optional.of(read().token());
    }

    private Optional<String> awaitOther(Row before) {
        if (before.usable(clock.instant())) { // another node refreshes; this one goes on with the valid token
            return Optional.of(before.token());
        }
        long deadline = System.nanoTime() + WAIT_MAX.toNanos();
        while (System.nanoTime() < deadline) {
            Row row = read();
            if (row.fresh(clock.instant(), properties.tokenRefreshMargin())) {
                return Optional.of(row.token());
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        Row row = read();
        return row.usable(clock.instant()) ? Optional.of(row.token()) : Optional.empty();
    }

    private boolean lease(Instant now) {
        Instant until = now.plus(properties.httpTimeout()).plusSeconds(5);
        return jdbc.sql("UPDATE wechat_access_tokens SET lease_holder = ?, lease_until = ? WHERE app_id = ? "
                                + "AND (lease_until IS NULL OR lease_until < ?)")
                        .params(holder, Timestamps.utc(until), properties.appId(), Timestamps.utc(now))
                        .update()
                == 1;
    }

    private Row read() {
        Optional<Row> row = select();
        if (row.isPresent()) {
            return row.get();
        }
        try {
            jdbc.sql("INSERT INTO wechat_access_tokens (app_id, access_token, expires_at, lease_holder, lease_until, "
                            + "updated_at) VALUES (?, NULL, NULL, NULL, NULL, ?)")
                    .params(properties.appId(), Timestamps.utc(clock.instant()))
                    .update();
        } catch (DuplicateKeyException raced) {
            // another node created it first
        }
        return select().orElseThrow();
    }

    private Optional<Row> select() {
        return jdbc.sql("SELECT access_token, expires_at FROM wechat_access_tokens WHERE app_id = ?")
                .param(properties.appId())
                .query((rs, n) -> new Row(
                        rs.getString("access_token"),
                        Optional.ofNullable(Timestamps.instant(rs, "expires_at"))
                                .orElse(Instant.EPOCH)))
                .optional();
    }
}
