package org.socialbank.conversation.language;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.socialbank.shared.Network;

/**
 * What the parser knows besides the text: where it was written and whom the payer pays.
 *
 * @param network the channel's network, for {@code @handle}s that do not name theirs; may be null
 * @param region the ISO 3166 region to read local phone numbers in (e.g. "IR"); may be null, and
 *     then the detected language's country is used (see {@code docs/command-language.md})
 * @param recentPayees the payer's recent payees' names, matched case-insensitively as payees
 * @param bankHandles the bank's own handles ({@code @SMoneyfr}), never read as a payee; stored
 *     lower-case without {@code @}
 */
public record Context(Network network, String region, List<String> recentPayees, Set<String> bankHandles) {

    public static final int RECENT_PAYEES_MAX = 100;
    public static final int NAME_LENGTH_MAX = 64;
    public static final int BANK_HANDLES_MAX = 20;

    public Context {
        if (region != null && !region.matches("[A-Za-z]{2}")) {
            throw new IllegalArgumentException("region is a two-letter ISO 3166 code");
        }
        region = region == null ? null : region.toUpperCase(Locale.ROOT);
        Objects.requireNonNull(recentPayees, "recentPayees");
        if (recentPayees.size() > RECENT_PAYEES_MAX) {
            throw new IllegalArgumentException("at most " + RECENT_PAYEES_MAX + " recent payees");
        }
        for (String name : recentPayees) {
            if (name == null || name.isBlank() || name.length() > NAME_LENGTH_MAX) {
                throw new IllegalArgumentException("a recent payee's name is 1 to " + NAME_LENGTH_MAX + " characters");
            }
        }
        recentPayees = List.copyOf(recentPayees);
        bankHandles = normalized(Objects.requireNonNull(bankHandles, "bankHandles"));
    }

    /** No network, no region, no recent payees, no bank handles. */
    public static Context none() {
        return new Context(null, null, List.of(), Set.of());
    }

    public static Context of(Network network, String region) {
        return new Context(network, region, List.of(), Set.of());
    }

    public Context withRecentPayees(List<String> names) {
        return new Context(network, region, names, bankHandles);
    }

    public Context withBankHandles(Set<String> handles) {
        return new Context(network, region, recentPayees, handles);
    }

    private static Set<String> normalized(Set<String> handles) {
        if (handles.size() > BANK_HANDLES_MAX) {
            throw new IllegalArgumentException("at most " + BANK_HANDLES_MAX + " bank handles");
        }
        Set<String> out = new LinkedHashSet<>();
        for (String handle : handles) {
            if (handle == null) {
                throw new IllegalArgumentException("a bank handle is empty");
            }
            String bare = handle.strip().toLowerCase(Locale.ROOT);
            bare = bare.startsWith("@") ? bare.substring(1) : bare;
            if (!bare.matches("[a-z0-9_.]{1,64}")) {
                throw new IllegalArgumentException("not a handle: " + handle);
            }
            out.add(bare);
        }
        return Set.copyOf(out);
    }
}
