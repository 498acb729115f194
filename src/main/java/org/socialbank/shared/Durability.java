package org.socialbank.shared;

/**
 * Makes a committed transaction survive a power cut before the caller acknowledges it.
 *
 * <p>PostgreSQL with {@code synchronous_commit=on} flushes its WAL at commit, so there this is a
 * no-op. The embedded H2 writes its file at commit but does not fsync it; there the barrier
 * fsyncs once for every group of commits that waited together.
 */
public interface Durability {

    /** Blocks until every transaction this thread has committed so far is on stable storage. */
    void awaitDurable();

    /**
     * Whether the store may hold part of a transaction that the previous run was killed in the
     * middle of. PostgreSQL's WAL keeps each transaction whole or absent; the embedded H2 (2.3 and
     * 2.5) can keep part of one (docs/adr/0017), so there it is true when the previous run on the
     * file did not stop cleanly, and the ledger then checks itself at start.
     */
    default boolean mayHoldHalfTransactions() {
        return false;
    }
}
