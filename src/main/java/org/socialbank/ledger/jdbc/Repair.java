package org.socialbank.ledger.jdbc;

import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;

/**
 * One piece of the ledger's derived state that the start-up recovery found apart from the journal
 * and set right (docs/adr/0017).
 */
sealed interface Repair {

    /**
     * The repair as a {@code ledger_repairs} row: what, which row, what was stored (or null), and
     * what the journal says.
     */
    record Recorded(String what, String subject, String stored, String derived) {}

    Recorded recorded();

    /** An account's four balances (debits, credits posted; debits, credits pending). */
    record Balances(UUID account, long[] storedBalances, long[] derivedBalances) implements Repair {
        @Override
        public Recorded recorded() {
            return new Recorded(
                    "balances", account.toString(), Arrays.toString(storedBalances), Arrays.toString(derivedBalances));
        }
    }

    /**
     * A pending transfer's status row: missing (stored null), or with a status that its
     * resolutions in the journal do not give.
     */
    record PendingStatus(UUID pendingId, String storedStatus, String derivedStatus, UUID resolvedBy, Instant expiresAt)
            implements Repair {
        @Override
        public Recorded recorded() {
            return new Recorded(
                    storedStatus == null ? "pending_row" : "pending_status",
                    pendingId.toString(),
                    storedStatus,
                    derivedStatus + (resolvedBy == null ? "" : " by " + resolvedBy));
        }
    }

    /** A status row whose pending transfer is not in the journal: removed. */
    record OrphanPending(UUID pendingId, String storedStatus) implements Repair {
        @Override
        public Recorded recorded() {
            return new Recorded("pending_orphan", pendingId.toString(), storedStatus, "none");
        }
    }

    /** A journal row's stored posted balance after it (V48), on its debit or credit side. */
    record BalanceAfter(long seq, boolean debitSide, long storedBalance, long derivedBalance) implements Repair {
        @Override
        public Recorded recorded() {
            return new Recorded(
                    debitSide ? "debit_balance_after" : "credit_balance_after",
                    Long.toString(seq),
                    Long.toString(storedBalance),
                    Long.toString(derivedBalance));
        }
    }
}
