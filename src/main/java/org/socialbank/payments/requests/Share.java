package org.socialbank.payments.requests;

import java.util.Objects;
import org.socialbank.directory.Alias;

/**
 * One member of a split.
 *
 * @param amountMinor the member's share; null for an equal share (then every member's is null)
 */
public record Share(Alias alias, Long amountMinor) {

    public Share {
        Objects.requireNonNull(alias, "alias");
        if (amountMinor != null && amountMinor <= 0) {
            throw new IllegalArgumentException("a share's amountMinor must be positive");
        }
    }
}
