package org.socialbank.cards;

import java.util.List;
import java.util.UUID;

/**
 * The card processor's transaction feed (SPI): purchases, refunds and cash withdrawals made with
 * the bank's cards. The bank reads what is waiting, books each, and acknowledges it; a transaction
 * not acknowledged (the node stopped) is delivered again and booked once, by its id.
 */
public interface CardProcessor {

    /** At most {@code max} transactions not acknowledged yet, oldest first. */
    List<FeedTransaction> waiting(int max);

    /** The bank has booked (or declined) the transaction; the processor need not send it again. */
    void acknowledge(UUID transactionId);
}
