package org.socialbank.billing;

import java.util.OptionalLong;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialbank.ledger.Ledger;
import org.socialbank.ledger.RejectionCode;
import org.socialbank.ledger.Resolution;
import org.socialbank.ledger.TransferId;
import org.socialbank.ledger.TransferResult;
import org.socialbank.shared.ProviderAnswer;
import org.springframework.stereotype.Component;

/**
 * What a provider's answer does to the pending transfer that reserved a payment's money, the
 * same for bills, top-ups and card transfers: Succeeded posts it, Failed voids it (the money is back;
 * {@link #POSTED_NOT_PAID} when it was posted by hand), Unknown leaves it reserved. Runs in the caller's transaction, with the payment's row locked.
 */
@Component
class Settlements {

    private static final Logger log = LoggerFactory.getLogger(Settlements.class);

    /**
     * The code of a payment its provider paid whose reservation the ledger would not post, so the
     * customer's money was not taken (review 2026-12-07 money #4): COMPLETED at the provider, the
     * ledger's side for operations ({@code WHERE status = 'COMPLETED' AND code = 'paid_not_booked'}).
     */
    static final String PAID_NOT_BOOKED = "paid_not_booked";

    /**
     * The code of a payment its provider refused or never received whose reservation was posted
     * by hand before the answer came (review 2026-12-07 billing follow-up): FAILED at the provider,
     * the customer's money taken; operations give it back ({@code WHERE code = 'posted_not_paid'}).
     */
    static final String POSTED_NOT_PAID = "posted_not_paid";

    /** Where the payment is after the answer, and the code or trace number to record. */
    record Booked(BillPaymentStatus status, String code, String traceNumber) {

        /** The provider paid, the ledger did not take the money ({@link #PAID_NOT_BOOKED}). */
        boolean notBooked() {
            return status == BillPaymentStatus.COMPLETED && PAID_NOT_BOOKED.equals(code);
        }

        /** The provider did not pay, the money was taken by hand ({@link #POSTED_NOT_PAID}). */
        boolean notPaid() {
            return status == BillPaymentStatus.FAILED && POSTED_NOT_PAID.equals(code);
        }
    }

    private final Ledger ledger;

    Settlements(Ledger ledger) {
        this.ledger = ledger;
    }

    /**
     * @param refusedCode the payment's code when the provider refused it
     * @param timeoutCode the payment's code when the provider says it never received it
     */
    Booked book(Object paymentId, UUID transferId, ProviderAnswer answer, String refusedCode, String timeoutCode) {
        TransferId pending = new TransferId(transferId);
        if (answer instanceof ProviderAnswer.Succeeded paid) {
            TransferResult posted = ledger.resolve(Resolution.post(pending, OptionalLong.empty()));
            if (posted instanceof TransferResult.Rejected rejected) {
                // The provider paid but the money was not taken: a reservation made with a timeout
                // before review 2026-12-07 money #4 that lapsed, or a frozen account. Never a silent
                // COMPLETED: the code marks it for operations and ProviderCalls tells the customer.
                log.error(
                        "Payment {}: paid by its provider but its pending transfer {} could not be posted ({});"
                                + " recorded as {}, for operations to settle",
                        paymentId,
                        transferId,
                        rejected.code().code(),
                        PAID_NOT_BOOKED);
                return new Booked(BillPaymentStatus.COMPLETED, PAID_NOT_BOOKED, paid.reference());
            }
            return new Booked(BillPaymentStatus.COMPLETED, null, paid.reference());
        }
        if (answer instanceof ProviderAnswer.Failed refused) {
            return voided(paymentId, transferId, ledger.resolve(Resolution.voidIt(pending)))
                    ? new Booked(
                            BillPaymentStatus.FAILED,
                            ProviderAnswer.NOT_RECEIVED.equals(refused.reason()) ? timeoutCode : refusedCode,
                            null)
                    : new Booked(BillPaymentStatus.FAILED, POSTED_NOT_PAID, null);
        }
        return new Booked(BillPaymentStatus.UNKNOWN, null, null);
    }

    /**
     * Whether the reservation of a payment its provider did not pay is released (or was already);
     * false when operations posted it by hand (docs/billing.md lets them end a payment so): the
     * money is taken, never a silent "the money is back" (review 2026-12-07 billing follow-up).
     */
    private static boolean voided(Object paymentId, UUID transferId, TransferResult voided) {
        if (!(voided instanceof TransferResult.Rejected rejected)
                || rejected.code() == RejectionCode.PENDING_EXPIRED
                || rejected.code() == RejectionCode.PENDING_ALREADY_VOIDED) {
            return true;
        }
        if (rejected.code() != RejectionCode.PENDING_ALREADY_POSTED) {
            throw new IllegalStateException("payment " + paymentId + ": its pending transfer could not be voided: "
                    + rejected.code().code());
        }
        log.error(
                "Payment {}: its provider did not pay it but its pending transfer {} was posted (by hand);"
                        + " recorded as {}, for operations to give the money back",
                paymentId,
                transferId,
                POSTED_NOT_PAID);
        return false;
    }

    /**
     * Asks a provider; a throw or no answer is Unknown (the SPIs say so), so the money stays
     * reserved until it is known. Only the exception's type is logged: its message might quote a card.
     */
    static ProviderAnswer ask(String provider, Supplier<ProviderAnswer> call) {
        return lookUp(
                log,
                "The " + provider + " failed to answer: {}",
                call,
                new ProviderAnswer.Unknown("no_answer"),
                new ProviderAnswer.Unknown("error"));
    }

    /**
     * Asks a provider a question that moves no money (a holder's name, what is due, a PIN): a throw
     * or no answer is {@code none}. Only the exception's type is logged, with {@code failure} (a
     * message with one {@code {}}): its message might quote a card.
     */
    static <T> T lookUp(Logger log, String failure, Supplier<T> call, T none) {
        return lookUp(log, failure, call, none, none);
    }

    private static <T> T lookUp(Logger log, String failure, Supplier<T> call, T none, T failed) {
        try {
            T answer = call.get();
            return answer == null ? none : answer;
        } catch (RuntimeException e) {
            log.warn(failure, e.getClass().getName());
            return failed;
        }
    }
}
