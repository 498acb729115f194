package org.socialbank.payments.requests;

import java.time.Instant;
import org.socialbank.shared.CurrencyCode;

/**
 * What the pay link's page shows someone who is not a customer: who asks for what, and how to pay
 * it from any bank (the collection account and the reference). Never the payer's alias, never the
 * requester's full name.
 *
 * @param state {@link RequestStatus#OPEN} while it can be paid (also shown as expired once its expiry passed)
 * @param iban the bank's collection account, grouped by four for reading
 */
public record PayLinkView(
        RequestStatus state,
        String requesterMaskedName,
        long amountMinor,
        CurrencyCode currency,
        String note,
        String iban,
        String beneficiary,
        String reference,
        Instant expiresAt) {}
