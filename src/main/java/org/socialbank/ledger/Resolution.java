package org.socialbank.ledger;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * A request to post (all or part of) or to void a pending transfer. A pending transfer is
 * resolved at most once per kind, which makes the request idempotent without a caller id.
 *
 * @param amountMinor for a post, the amount to post, at most the pending amount; empty posts it all
 */
public record Resolution(TransferId pendingId, TransferKind kind, OptionalLong amountMinor) {

    public Resolution {
        Objects.requireNonNull(pendingId, "pendingId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(amountMinor, "amountMinor");
        if (!kind.resolvesPending()) {
            throw new IllegalArgumentException(kind + " does not resolve a pending transfer");
        }
        if (kind != TransferKind.POST_PENDING && amountMinor.isPresent()) {
            throw new IllegalArgumentException("only a post takes an amount");
        }
    }

    public static Resolution post(TransferId pendingId, OptionalLong amountMinor) {
        return new Resolution(pendingId, TransferKind.POST_PENDING, amountMinor);
    }

    public static Resolution voidIt(TransferId pendingId) {
        return new Resolution(pendingId, TransferKind.VOID_PENDING, OptionalLong.empty());
    }

    public static Resolution expire(TransferId pendingId) {
        return new Resolution(pendingId, TransferKind.EXPIRE_PENDING, OptionalLong.empty());
    }
}
