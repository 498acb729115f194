package org.socialbank.billing;

import java.time.Instant;
import java.util.UUID;
import org.socialbank.directory.CustomerId;
import org.socialbank.shared.CurrencyCode;

/** What the shared provider-call steps read of any kind's row ({@link ProviderCalls}). */
interface ProviderCallRow<I> {

    I id();

    CustomerId customer();

    BillPaymentStatus status();

    /** The pending ledger transfer that reserved the money; null before it was made. */
    UUID transferId();

    long amountMinor();

    CurrencyCode currency();

    /** When the provider was first asked; null before. */
    Instant sentAt();

    /** What was paid as the customer knows it (a bill id, a phone, a masked card, an account). */
    String payee();
}
