package org.socialbank.ledger;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Balance constraints, checked against posted and pending amounts together, as TigerBeetle does:
 * a pending transfer reserves its amount until it is posted, voided or expires.
 */
public enum AccountFlag {
    /** debits_pending + debits_posted never exceed credits_posted: a customer's money cannot go negative. */
    DEBITS_MUST_NOT_EXCEED_CREDITS(1),
    /** credits_pending + credits_posted never exceed debits_posted: e.g. repaying more than a card owes. */
    CREDITS_MUST_NOT_EXCEED_DEBITS(2);

    private final int bit;

    AccountFlag(int bit) {
        this.bit = bit;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<AccountFlag> fromWireName(String name) {
        return Arrays.stream(values()).filter(f -> f.wireName().equals(name)).findFirst();
    }

    public static int toBits(Set<AccountFlag> flags) {
        int bits = 0;
        for (AccountFlag flag : flags) {
            bits |= flag.bit;
        }
        return bits;
    }

    public static Set<AccountFlag> fromBits(int bits) {
        java.util.EnumSet<AccountFlag> flags = java.util.EnumSet.noneOf(AccountFlag.class);
        for (AccountFlag flag : values()) {
            if ((bits & flag.bit) != 0) {
                flags.add(flag);
            }
        }
        return Set.copyOf(flags);
    }
}
