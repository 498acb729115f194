package org.socialbank.cards;

import java.time.Instant;
import java.util.UUID;
import org.socialbank.ledger.AccountId;
import org.socialbank.shared.CurrencyCode;

/** A repayment of a credit card from the holder's own account, booked as one ledger transfer. */
public record Repayment(
        UUID id,
        CardId cardId,
        long amountMinor,
        CurrencyCode currency,
        AccountId fromAccountId,
        UUID transferId,
        Instant createdAt) {}
