package org.socialbank.console.audit;

import java.util.Optional;

/**
 * Walks the audit in order of {@code seq} and reports the first row that does not fit; plain
 * Java, fed row by row so that a long log never has to fit in memory.
 */
public final class ChainVerifier {

    private long expectedSeq = 1;
    private String previous = HashChain.GENESIS;
    private ChainCheck.Broken broken;

    /** Checks the next row; false once the chain is broken (later rows prove nothing more). */
    public boolean accept(AuditRow row) {
        if (broken != null) {
            return false;
        }
        if (row.seq() != expectedSeq) {
            broken = new ChainCheck.Broken(expectedSeq, "missing", expectedSeq - 1);
        } else if (!row.prevHash().equals(previous)) {
            broken = new ChainCheck.Broken(row.seq(), "relinked", expectedSeq - 1);
        } else if (!HashChain.hash(previous, row).equals(row.hash())) {
            broken = new ChainCheck.Broken(row.seq(), "changed", expectedSeq - 1);
        } else {
            previous = row.hash();
            expectedSeq++;
            return true;
        }
        return false;
    }

    /** The verdict, given the head row: it must name the last row, or rows were cut off the end. */
    public ChainCheck finish(long headSeq, String headHash) {
        if (broken != null) {
            return broken;
        }
        long rows = expectedSeq - 1;
        if (headSeq != rows || !headHash.equals(previous)) {
            return new ChainCheck.Broken(Math.max(headSeq, rows), "truncated", rows);
        }
        return new ChainCheck.Intact(rows, previous);
    }

    Optional<ChainCheck.Broken> brokenSoFar() {
        return Optional.ofNullable(broken);
    }
}
