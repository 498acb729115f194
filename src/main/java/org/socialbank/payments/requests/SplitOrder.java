package org.socialbank.payments.requests;

import java.util.List;
import java.util.Objects;
import org.socialbank.directory.CustomerId;
import org.socialbank.shared.CurrencyCode;

/**
 * "split 120 between @a @b @c": one request per member. Shares are all equal (every amount null:
 * the remainder's minor units go to the organiser's share when the organiser is included, else
 * one each to the first members) or all given (they must add up to the total, less the
 * organiser's share when included, which is then the rest).
 *
 * @param includeOrganiser whether the organiser pays a share too (that share is not requested)
 */
public record SplitOrder(
        SplitId id,
        CustomerId organiser,
        List<Share> shares,
        long totalMinor,
        CurrencyCode currency,
        String note,
        String channel,
        boolean includeOrganiser) {

    public static final int MEMBERS_MAX = 50;

    public SplitOrder {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(organiser, "organiser");
        Objects.requireNonNull(currency, "currency");
        if (shares == null || shares.isEmpty() || shares.size() > MEMBERS_MAX) {
            throw new IllegalArgumentException("a split has 1 to " + MEMBERS_MAX + " members");
        }
        shares = List.copyOf(shares);
        if (totalMinor <= 0) {
            throw new IllegalArgumentException("totalMinor must be positive");
        }
        note = RequestOrder.note(note);
        RequestOrder.channel(channel);
    }
}
