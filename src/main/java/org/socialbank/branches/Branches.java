package org.socialbank.branches;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.socialbank.branches.jdbc.JdbcBranches;
import org.springframework.stereotype.Service;

/** The bank's branches and ATMs, and the nearest ones to a place. */
@Service
public class Branches {

    /** The most a lookup returns: a chat shows a short list. */
    public static final int LIMIT_MAX = 10;

    /** Branches in a box of this many degrees around the place are ranked; farther ones only if too few. */
    private static final double NEAR_DEGREES = 1.0;

    private final JdbcBranches store;

    Branches(JdbcBranches store) {
        this.store = store;
    }

    /** Adds or replaces a branch under its id. */
    public void save(Branch branch) {
        store.upsert(branch);
    }

    /** The branches nearest to the place, nearest first, at most {@code limit}. */
    public List<Nearby> nearest(double lat, double lon, int limit) {
        int bounded = Math.max(1, Math.min(limit, LIMIT_MAX));
        List<Branch> candidates = store.within(
                lat - NEAR_DEGREES, lat + NEAR_DEGREES, lon - NEAR_DEGREES, lon + NEAR_DEGREES, JdbcBranches.SCAN_MAX);
        if (candidates.size() < bounded) {
            candidates = store.all(JdbcBranches.SCAN_MAX);
        }
        return candidates.stream()
                .map(b -> new Nearby(b, b.metresTo(lat, lon)))
                .sorted(Comparator.comparingLong(Nearby::metres)
                        .thenComparing(n -> n.branch().id()))
                .limit(bounded)
                .toList();
    }

    /** Branches whose city or address contains the text (case-insensitive), at most {@code limit}. */
    public List<Branch> search(String text, int limit) {
        String needle = text == null ? "" : text.strip();
        if (needle.isEmpty() || needle.length() > 80) {
            return List.of();
        }
        return store.matching(needle, Math.max(1, Math.min(limit, LIMIT_MAX)));
    }

    /** The branch with this id, if the bank has it. */
    public Optional<Branch> find(String id) {
        return id == null || id.isBlank() || id.length() > 32 ? Optional.empty() : store.find(id);
    }

    /** Every branch and ATM, by id, at most {@link JdbcBranches#SCAN_MAX}. */
    public List<Branch> all() {
        return store.all(JdbcBranches.SCAN_MAX);
    }

    public int count() {
        return store.count();
    }

    /** A branch and how far it is from where the customer is. */
    public record Nearby(Branch branch, long metres) {}
}
