package org.socialbank.billing;

import java.util.UUID;

/** What the shared provider-call steps read of any kind's row ({@link ProviderCalls}). */
interface ProviderCallRow<I> {

    I id();

    BillPaymentStatus status();

    /** The pending ledger transfer that reserved the money; null before it was made. */
    UUID transferId();
}
