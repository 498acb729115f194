package org.socialbank.payments;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.socialbank.ledger.RejectionCode;

/**
 * Why a payment was refused. The set is closed and the codes are stable: the API's {@code code},
 * the stored payment's {@code code} while it is {@code rejected}, and the chats' wording branch on
 * them. A payment meets them roughly in the order below.
 */
public enum PaymentRejection {
    // the order cannot become a payment: nothing is stored
    /** The id was used for another payment. */
    ID_REUSED,
    /** The payer is not an active customer. */
    PAYER_NOT_FOUND,
    // the payee and the accounts
    PAYEE_NOT_FOUND,
    PAYEE_IS_PAYER,
    NO_ACCOUNT_IN_CURRENCY,
    PAYEE_CANNOT_RECEIVE_CURRENCY,
    // the risk policy's limits (payments.risk.Reject)
    EXCEEDS_TRANSACTION_LIMIT,
    EXCEEDS_DAILY_LIMIT,
    EXCEEDS_MONTHLY_LIMIT,
    EXCEEDS_CHANNEL_TRANSACTION_LIMIT,
    EXCEEDS_CHANNEL_DAILY_LIMIT,
    CURRENCY_NOT_SUPPORTED,
    // the step-up
    /** A step-up was due and the payer has no phone to send its code to. */
    CONFIRMATION_UNAVAILABLE,
    // the ledger's refusal of the payment's transfer
    INSUFFICIENT_FUNDS,
    ACCOUNT_NOT_FOUND,
    ACCOUNT_CLOSED,
    ACCOUNT_FROZEN,
    CURRENCY_MISMATCH,
    EXCEEDS_DEBITS,
    OVERFLOWS_DEBITS,
    OVERFLOWS_CREDITS;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The rejection with this code, as stored or as the risk policy names a limit. */
    public static Optional<PaymentRejection> fromCode(String code) {
        return Arrays.stream(values()).filter(r -> r.code().equals(code)).findFirst();
    }

    /** Whether a limit of the risk policy said no (then a refusal says which limit, and when it resets). */
    public boolean limit() {
        return switch (this) {
            case EXCEEDS_TRANSACTION_LIMIT,
                    EXCEEDS_DAILY_LIMIT,
                    EXCEEDS_MONTHLY_LIMIT,
                    EXCEEDS_CHANNEL_TRANSACTION_LIMIT,
                    EXCEEDS_CHANNEL_DAILY_LIMIT -> true;
            default -> false;
        };
    }

    /**
     * The ledger's refusal of a payment's transfer (to a customer, or into escrow), as the payment's
     * rejection. The request checks of the ledger (ids, amounts, pending transfers, flags) cannot
     * meet a transfer the payments module built: one that does is a bug, not a business "no".
     */
    static PaymentRejection of(RejectionCode code) {
        return switch (code) {
            case EXCEEDS_CREDITS -> INSUFFICIENT_FUNDS;
            case ACCOUNT_NOT_FOUND -> ACCOUNT_NOT_FOUND;
            case ACCOUNT_CLOSED -> ACCOUNT_CLOSED;
            case ACCOUNT_FROZEN -> ACCOUNT_FROZEN;
            case CURRENCY_MISMATCH -> CURRENCY_MISMATCH;
            case EXCEEDS_DEBITS -> EXCEEDS_DEBITS;
            case OVERFLOWS_DEBITS -> OVERFLOWS_DEBITS;
            case OVERFLOWS_CREDITS -> OVERFLOWS_CREDITS;
            default ->
                throw new IllegalStateException("the ledger refused a payment's transfer with " + code.code()
                        + ", which a payment's transfer cannot meet");
        };
    }
}
