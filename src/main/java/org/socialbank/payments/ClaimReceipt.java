package org.socialbank.payments;

import java.time.Instant;
import org.socialbank.shared.CurrencyCode;

/**
 * What the claimant's page shows once the money is in her new wallet (issue 13: a receipt for
 * every completed operation, whatever path it took): when, the reference, what she can spend now.
 * Only the browser that proved the claim is shown it, never another that holds the link.
 *
 * @param username the claimant's login once she chose one on the page (her way in), else null
 */
public record ClaimReceipt(
        PaymentId reference,
        Instant claimedAt,
        long amountMinor,
        long availableMinor,
        CurrencyCode currency,
        String username) {}
