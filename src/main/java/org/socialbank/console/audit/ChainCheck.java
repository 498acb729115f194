package org.socialbank.console.audit;

/** What the verifier found: the whole chain intact, or the first place it breaks. */
public sealed interface ChainCheck {

    /** Every row links to the one before, hashes to what it says, and the head names the last. */
    record Intact(long rows, String headHash) implements ChainCheck {}

    /**
     * The chain breaks at a row.
     *
     * @param seq the first row that does not fit (or the head's row, when the last rows are gone)
     * @param problem {@code changed}, {@code missing}, {@code relinked} or {@code truncated}
     */
    record Broken(long seq, String problem, long rowsChecked) implements ChainCheck {}

    default boolean intact() {
        return this instanceof Intact;
    }
}
