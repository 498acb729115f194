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
     * Whether a process killed mid-transaction leaves the store with all or none of each
     * transaction. PostgreSQL's WAL does; the embedded H2 (2.3 and 2.5) can keep part of a
     * transaction that was in flight at a kill, so there the ledger checks itself at start
     * (docs/adr/0017).
     */
    default boolean atomicAcrossKills() {
        return true;
    }
}
