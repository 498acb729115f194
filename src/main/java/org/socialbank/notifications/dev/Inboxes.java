package org.socialbank.notifications.dev;

import org.springframework.jdbc.core.simple.JdbcClient;

/** What the developer inboxes (SMS and e-mail) share: a bounded table and bounded reads. */
final class Inboxes {

    static final int READ_MAX = 500;

    private Inboxes() {
    }

    /**
     * Removes all but the newest {@code max} rows by {@code seq}. It needs no transaction with the
     * insert: a trim that fails is done by the next message.
     */
    static void trim(JdbcClient jdbc, String table, int max) {
        jdbc.sql("DELETE FROM " + table + " WHERE seq <= (SELECT seq FROM " + table
                        + " ORDER BY seq DESC LIMIT 1 OFFSET ?)")
                .param(max).update();
    }

    static int checkLimit(int limit) {
        if (limit < 1 || limit > READ_MAX) {
            throw new IllegalArgumentException("limit must be 1.." + READ_MAX);
        }
        return limit;
    }
}
