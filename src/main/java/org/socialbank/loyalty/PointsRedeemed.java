package org.socialbank.loyalty;

import org.socialbank.directory.CustomerId;
import org.socialbank.shared.CurrencyCode;

/**
 * Points redeemed after the customer confirmed on the bank's page (asked in chat), published in the
 * transaction that booked it, so the chat is told once.
 */
public record PointsRedeemed(
        CustomerId customerId, long points, long amountMinor, CurrencyCode currency, String maskedNumber) {}
