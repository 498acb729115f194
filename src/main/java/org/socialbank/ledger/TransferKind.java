package org.socialbank.ledger;

import java.util.Locale;

/** How a journal row moved the balances. */
public enum TransferKind {
    /** Posted at once. */
    SINGLE_PHASE,
    /** Reserved: moves pending balances until it is posted, voided or expires. */
    PENDING,
    /** Posts all or part of a pending transfer. */
    POST_PENDING,
    /** Releases a pending transfer on request. */
    VOID_PENDING,
    /** Releases a pending transfer whose timeout passed (written by the janitor). */
    EXPIRE_PENDING;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static TransferKind fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }

    public boolean resolvesPending() {
        return this == POST_PENDING || this == VOID_PENDING || this == EXPIRE_PENDING;
    }
}
