package org.socialbank.billing;

import java.time.Duration;
import java.util.Optional;
import org.socialbank.shared.ProviderAnswer;

/**
 * The bill-payment switch bills are inquired about and paid through. Exactly one bean; the
 * embedded sandbox is used only while no other exists.
 *
 * <p><b>An implementation MUST be idempotent by {@link BillOrder#id()}</b>: the same order sent
 * twice pays once. A payment the biller says it never received ({@link ProviderAnswer#NOT_RECEIVED})
 * is not sent again: the worker voids it and gives the money back. <b>So once {@link #status} has
 * answered {@link ProviderAnswer#NOT_RECEIVED} for an id, the implementation MUST refuse that id for
 * good</b> (a {@link #pay} with it that arrives late answers the same and pays nothing): the bank's
 * request may leave long after it was claimed, and another node's janitor may have asked first
 * (review 2026-12-07 billing follow-up). It bounds every call with {@link #timeout()} and answers
 * rather than throws: {@link ProviderAnswer.Unknown} when it cannot tell whether the order arrived.
 * A throw is read as Unknown. Never called inside a database transaction.
 */
public interface Biller {

    /** The longest one call may take before it answers Unknown. */
    Duration timeout();

    /** What is due on a bill, or empty when the biller does not know it (or did not answer). */
    Optional<BillDue> inquire(IranianBill bill);

    /**
     * The bill now due for a subscriber (issue 15 s1: saved bills' reminders): the pair of the
     * current period and what is due on it; empty when the biller does not know the bill id, has
     * nothing due, or does not tell (the default).
     */
    default Optional<CurrentBill> current(String billId) {
        return Optional.empty();
    }

    /** A subscriber's bill of the current period. */
    record CurrentBill(IranianBill bill, BillDue due) {}

    /** Pays the bill: Succeeded with the biller's trace number, Failed, or Unknown. */
    ProviderAnswer pay(BillOrder order);

    /** Where a payment is: Succeeded, Failed ({@link ProviderAnswer#NOT_RECEIVED} when it never arrived) or Unknown. */
    ProviderAnswer status(BillPaymentId id);
}
