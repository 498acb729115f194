package org.socialbank.channels.whatsapp;

import java.time.Instant;
import java.util.List;
import org.socialbank.shared.jdbc.Timestamps;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The number's rate-limit pauses in the database ({@code V94__whatsapp_pauses.sql}), so that a
 * pause one node learns holds on every node (review 2026-12-07 channels follow-up). A pause is only
 * ever moved later: a node that learns a shorter one, or learns it late, never shortens it.
 */
final class WhatsAppPauses implements Pacing.Shared {

    /** Meta's reasons can be long; the row keeps their start. */
    static final int REASON_MAX = 300;

    private final JdbcClient jdbc;
    private final String number;

    /** @param number the business phone number id the pauses are the number's of */
    WhatsAppPauses(JdbcClient jdbc, String number) {
        this.jdbc = jdbc;
        this.number = number;
    }

    /**
     * Nothing goes to {@code scope} before {@code until}, unless a later pause is stored already.
     * The conditional update is the only way a row changes, so concurrent nodes end with the latest.
     */
    @Override
    public void extend(String scope, Instant until, String reason) {
        if (later(scope, until, reason)) {
            return; // moved later
        }
        if (!exists(scope)) {
            try {
                jdbc.sql(
                                "INSERT INTO whatsapp_pauses (phone_number_id, scope, paused_until, reason) VALUES (?, ?, ?, ?)")
                        .params(number, scope, Timestamps.utc(until), cut(reason))
                        .update();
                return;
            } catch (DuplicateKeyException raced) {
                // another node inserted it first: below, the later of the two stays
            }
        }
        // the row exists now, written by another node after the first update found none or only an
        // earlier pause: the conditional update again, so the later pause wins whatever the order
        later(scope, until, reason);
    }

    private boolean later(String scope, Instant until, String reason) {
        return jdbc.sql("UPDATE whatsapp_pauses SET paused_until = ?, reason = ? WHERE phone_number_id = ? "
                                + "AND scope = ? AND paused_until < ?")
                        .params(Timestamps.utc(until), cut(reason), number, scope, Timestamps.utc(until))
                        .update()
                == 1;
    }

    private boolean exists(String scope) {
        return jdbc.sql("SELECT COUNT(*) FROM whatsapp_pauses WHERE phone_number_id = ? AND scope = ?")
                        .params(number, scope)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    /** The pauses still running at {@code now}, at most {@code max}: every send's first, then the longest. */
    @Override
    public List<Pacing.Pause> active(Instant now, int max) {
        return jdbc.sql("SELECT scope, paused_until, reason FROM whatsapp_pauses WHERE phone_number_id = ? "
                        + "AND paused_until > ? ORDER BY CASE WHEN scope = ? THEN 0 ELSE 1 END, paused_until DESC "
                        + "LIMIT ?")
                .params(number, Timestamps.utc(now), Pacing.EVERY_SEND, max)
                .query((rs, n) -> new Pacing.Pause(
                        rs.getString("scope"), Timestamps.instant(rs, "paused_until"), rs.getString("reason")))
                .list();
    }

    /** Deletes at most {@code max} pauses (of any number) that ended before {@code before}; returns how many. */
    int deleteEndedBefore(Instant before, int max) {
        List<String> scopes = jdbc.sql(
                        "SELECT scope FROM whatsapp_pauses WHERE paused_until < ? ORDER BY paused_until LIMIT ?")
                .params(Timestamps.utc(before), max)
                .query(String.class)
                .list();
        // a row moved later meanwhile no longer matches the end condition and stays
        return scopes.isEmpty()
                ? 0
                : jdbc.sql("DELETE FROM whatsapp_pauses WHERE paused_until < :before AND scope IN (:scopes)")
                        .param("before", Timestamps.utc(before))
                        .param("scopes", scopes)
                        .update();
    }

    private static String cut(String reason) {
        String r = reason == null ? "" : reason;
        return r.length() > REASON_MAX ? r.substring(0, REASON_MAX) : r;
    }
}
