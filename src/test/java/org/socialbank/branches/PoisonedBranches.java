package org.socialbank.branches;

import java.util.List;
import org.socialbank.branches.jdbc.JdbcBranches;

/**
 * The bank's branches, except that a search for {@value #POISON} first saves a branch and then
 * throws: a dialogue that breaks an invariant for one input, after it wrote something, as the
 * poison-message tests (security review #7) need. Registered as the primary {@link Branches}.
 */
public final class PoisonedBranches extends Branches {

    /** The place whose branches cannot be searched. */
    public static final String POISON = "Poisonville";
    /** The branch written before the failure: it must be rolled back with the rest of the message. */
    public static final String WRITTEN_BEFORE_FAILING = "POISON-WRITE";

    public PoisonedBranches(JdbcBranches store) {
        super(store);
    }

    @Override
    public List<Branch> search(String text, int limit) {
        if (text.contains(POISON)) {
            save(new Branch(WRITTEN_BEFORE_FAILING, "Poison", "1 Poison St", POISON, 0, 0, "24/7", false));
            throw new IllegalStateException("a broken invariant for this one message (test)");
        }
        return super.search(text, limit);
    }
}
