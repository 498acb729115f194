package org.socialbank.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Checks the ledger's invariants straight from its tables. */
public final class LedgerAudit {

    private final JdbcClient jdbc;

    public LedgerAudit(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Per currency, debits equal credits, posted and pending; no account breaks its flag. */
    public void assertBalanced() {
        List<String> unbalanced = jdbc.sql(
                        "SELECT currency FROM accounts GROUP BY currency "
                                + "HAVING SUM(debits_posted) <> SUM(credits_posted) OR SUM(debits_pending) <> SUM(credits_pending)")
                .query(String.class)
                .list();
        assertThat(unbalanced).as("currencies whose debits and credits differ").isEmpty();
        long broken = jdbc.sql("SELECT COUNT(*) FROM accounts WHERE "
                        + "(flags = 1 AND debits_posted + debits_pending > credits_posted) OR "
                        + "(flags = 2 AND credits_posted + credits_pending > debits_posted) OR "
                        + "debits_posted < 0 OR credits_posted < 0 OR debits_pending < 0 OR credits_pending < 0")
                .query(Long.class)
                .single();
        assertThat(broken).as("accounts breaking their flags").isZero();
    }

    /** Every account's four balances equal what its journal rows add up to. */
    public void assertBalancesMatchTheJournal() {
        Map<UUID, long[]> expected = new HashMap<>();
        jdbc.sql("SELECT id FROM accounts").query(UUID.class).list().forEach(id -> expected.put(id, new long[4]));
        jdbc.sql("SELECT t.debit_account_id, t.credit_account_id, t.amount_minor, t.kind, p.status "
                        + "FROM transfers t LEFT JOIN pending_transfers p ON p.pending_id = t.id")
                .query(rs -> {
                    long[] debit = expected.get(rs.getObject(1, UUID.class));
                    long[] credit = expected.get(rs.getObject(2, UUID.class));
                    long amount = rs.getLong(3);
                    String kind = rs.getString(4);
                    if (kind.equals("single_phase") || kind.equals("post_pending")) {
                        debit[0] += amount;
                        credit[1] += amount;
                    } else if (kind.equals("pending") && "pending".equals(rs.getString(5))) {
                        debit[2] += amount;
                        credit[3] += amount;
                    }
                });
        jdbc.sql("SELECT id, debits_posted, credits_posted, debits_pending, credits_pending FROM accounts")
                .query(rs -> {
                    long[] want = expected.get(rs.getObject(1, UUID.class));
                    long[] have = {rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)};
                    assertThat(have)
                            .as("balances of %s against its journal", rs.getObject(1))
                            .containsExactly(want);
                });
        assertStoredBalancesAfterMatchTheJournal();
    }

    /**
     * Every journal row's stored balances after it (V48) equal each account's posted balance
     * (credits minus debits) running over the journal in sequence order up to and with that row.
     */
    public void assertStoredBalancesAfterMatchTheJournal() {
        Map<UUID, Long> running = new HashMap<>();
        jdbc.sql("SELECT seq, debit_account_id, credit_account_id, amount_minor, kind, debit_balance_after, "
                        + "credit_balance_after FROM transfers ORDER BY seq")
                .query(rs -> {
                    UUID debit = rs.getObject(2, UUID.class);
                    UUID credit = rs.getObject(3, UUID.class);
                    String kind = rs.getString(5);
                    if (kind.equals("single_phase") || kind.equals("post_pending")) {
                        running.merge(debit, -rs.getLong(4), Long::sum);
                        running.merge(credit, rs.getLong(4), Long::sum);
                    }
                    long debitAfter = rs.getLong(6);
                    if (!rs.wasNull()) {
                        assertThat(debitAfter)
                                .as("debit balance after journal row %s", rs.getLong(1))
                                .isEqualTo(running.getOrDefault(debit, 0L));
                    }
                    long creditAfter = rs.getLong(7);
                    if (!rs.wasNull()) {
                        assertThat(creditAfter)
                                .as("credit balance after journal row %s", rs.getLong(1))
                                .isEqualTo(running.getOrDefault(credit, 0L));
                    }
                });
    }

    /** A fingerprint of every balance and the journal's size, to show a replay changed nothing. */
    public String fingerprint() {
        return jdbc.sql("SELECT COUNT(*) FROM transfers").query(Long.class).single() + ":"
                + jdbc.sql("SELECT id, debits_posted, credits_posted, debits_pending, credits_pending "
                                + "FROM accounts ORDER BY id")
                        .query((rs, n) -> rs.getString(1) + "=" + rs.getLong(2) + "/" + rs.getLong(3) + "/"
                                + rs.getLong(4) + "/" + rs.getLong(5))
                        .list();
    }
}
