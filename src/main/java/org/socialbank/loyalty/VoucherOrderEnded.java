package org.socialbank.loyalty;

import java.util.UUID;
import org.socialbank.directory.CustomerId;

/**
 * A voucher order ended (issue 16 s3): {@code issued} (its points spent; the code is read on the
 * bank's page at {@code codeUrl}, never in a chat or an event), {@code failed} (the partner's
 * {@code reason}; the held points are back) or {@code refused} by the bank before the partner was
 * asked ({@code reason} a {@link PointsRefusal} code: {@code insufficient_points}, or {@code
 * account_unavailable} when the bank froze or closed the points account; nothing was spent).
 * Published once, in the
 * transaction that settled the order.
 */
public record VoucherOrderEnded(
        UUID voucherId,
        CustomerId customerId,
        String reward,
        String partner,
        String rewardName,
        long points,
        Voucher.Status status,
        String reason,
        String codeUrl) {}
