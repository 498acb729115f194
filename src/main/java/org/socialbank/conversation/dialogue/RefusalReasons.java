package org.socialbank.conversation.dialogue;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialbank.ledger.RejectionCode;
import org.socialbank.payments.PaymentRejection;
import org.socialbank.payments.PaymentStatus;
import org.socialbank.payments.requests.RequestRejection;
import org.socialbank.shared.Language;

/**
 * The one mapper from the bank's refusal codes to why, in the customer's words (review 2026-12-07
 * words follow-up): a payment's, a request's, an ended payment's, the ledger's, billing's and the
 * step-up's codes. The dialogue says a reason as a sentence when it refuses; the engine says it as
 * a clause when a bill, top-up or card-to-card ends later. Never the code itself: the code of a
 * generic refusal is logged (INFO) for staff.
 */
public final class RefusalReasons {

    private static final Logger log = LoggerFactory.getLogger(RefusalReasons.class);

    /** The sentence that says a reason without a sentence of its own: its clause as {0}. */
    static final String BECAUSE = "conversation.pay.refused.because";

    /** Why, as a clause ({@code clauseKey}, none when unknown) and, where it has one, a sentence. */
    public enum Reason {
        FUNDS("billing.reason.funds", "conversation.pay.refused.funds"),
        ACCOUNT("billing.reason.account", "conversation.pay.refused.account"),
        PAYEE_ACCOUNT("conversation.reason.payee_account", "conversation.pay.refused.payee_account"),
        CURRENCY("billing.reason.currency", "conversation.pay.refused.currency"),
        NO_PHONE("billing.reason.no_phone", "conversation.pay.refused.no_phone"),
        SELF("conversation.reason.self", "conversation.pay.self"),
        OVER_LIMIT("conversation.reason.over_limit", null),
        STEP_UP("conversation.reason.step_up", null),
        EXPIRED("billing.reason.expired", null),
        CANCELLED("billing.reason.cancelled", null),
        TOO_MANY_ATTEMPTS("billing.reason.too_many_attempts", null),
        CONFIRMATION_MISMATCH("billing.reason.confirmation_mismatch", null),
        NOT_CONFIRMED("conversation.reason.not_confirmed", null),
        CARD_NOT_ACTIVE("billing.reason.card_not_active", null),
        BILLER_REFUSED("billing.reason.biller_refused", null),
        BILLER_TIMEOUT("billing.reason.biller_timeout", null),
        OPERATOR_REFUSED("billing.reason.operator_refused", null),
        OPERATOR_TIMEOUT("billing.reason.operator_timeout", null),
        SWITCH_REFUSED("billing.reason.switch_refused", null),
        SWITCH_TIMEOUT("billing.reason.switch_timeout", null),
        INVALID_PHONE("conversation.reason.invalid_phone", null),
        UNKNOWN_OPERATOR("conversation.reason.unknown_operator", null),
        NOT_OFFERED("conversation.reason.not_offered", null),
        BILL_ALREADY_PAID("conversation.reason.bill_already_paid", null),
        BILL_NOT_DUE("conversation.reason.bill_not_due", null),
        QUOTE_EXPIRED("conversation.reason.quote_expired", null),
        INVALID_CARD("conversation.reason.invalid_card", null),
        NO_CARD("conversation.reason.no_card", null),
        REQUEST_PAID("conversation.reason.request_paid", null),
        REQUEST_DECLINED("conversation.reason.request_declined", null),
        REQUEST_EXPIRED("conversation.reason.request_expired", null),
        REQUEST_CANCELLED("conversation.reason.request_cancelled", null),
        REQUEST_ATTEMPTS("conversation.reason.request_attempts", null),
        NOT_THE_PAYER("conversation.reason.not_the_payer", null),
        RETURNED("conversation.reason.returned", null),
        RETURN_HELD("conversation.reason.return_held", null),
        PAYING_OUT("conversation.reason.paying_out", "conversation.pay.ended.paying_out"),
        /** A code of the bank's with no reason of its own (the ledger's checks, an id reused...). */
        BANK("conversation.reason.bank", "conversation.pay.refused.other"),
        /** A code nobody here knows: a provider's, or a new one; its refuser is said, else a generic refusal. */
        UNKNOWN(null, "conversation.pay.refused.other");

        private final String clauseKey;
        private final String sentenceKey;

        Reason(String clauseKey, String sentenceKey) {
            this.clauseKey = clauseKey;
            this.sentenceKey = sentenceKey;
        }

        /** The reason as a clause for a sentence that says what did not complete; empty when unknown. */
        public Optional<String> clauseKey() {
            return Optional.ofNullable(clauseKey);
        }

        /** The reason as a whole sentence, in {@code language}. */
        public String sentence(Texts texts, Language language) {
            return sentenceKey != null
                    ? texts.text(language, sentenceKey)
                    : texts.text(language, BECAUSE, texts.text(language, clauseKey));
        }
    }

    /** billing's and the step-up's own codes, which no enum of the bank's holds. */
    private static final Map<String, Reason> BILLING = Map.ofEntries(
            Map.entry("expired", Reason.EXPIRED),
            Map.entry("cancelled", Reason.CANCELLED),
            Map.entry("too_many_attempts", Reason.TOO_MANY_ATTEMPTS),
            Map.entry("confirmation_mismatch", Reason.CONFIRMATION_MISMATCH),
            Map.entry("confirmation_required", Reason.STEP_UP),
            Map.entry("new_channel_unconfirmed", Reason.STEP_UP),
            Map.entry("card_not_active", Reason.CARD_NOT_ACTIVE),
            Map.entry("biller_refused", Reason.BILLER_REFUSED),
            Map.entry("biller_timeout", Reason.BILLER_TIMEOUT),
            Map.entry("operator_refused", Reason.OPERATOR_REFUSED),
            Map.entry("operator_timeout", Reason.OPERATOR_TIMEOUT),
            Map.entry("switch_refused", Reason.SWITCH_REFUSED),
            Map.entry("switch_timeout", Reason.SWITCH_TIMEOUT),
            Map.entry("invalid_phone", Reason.INVALID_PHONE),
            Map.entry("unknown_operator", Reason.UNKNOWN_OPERATOR),
            Map.entry("amount_not_offered", Reason.NOT_OFFERED),
            Map.entry("kind_not_offered", Reason.NOT_OFFERED),
            Map.entry("bill_already_paid", Reason.BILL_ALREADY_PAID),
            Map.entry("bill_not_due", Reason.BILL_NOT_DUE),
            Map.entry("quote_expired", Reason.QUOTE_EXPIRED),
            Map.entry("quote_unavailable", Reason.QUOTE_EXPIRED),
            Map.entry("invalid_card_number", Reason.INVALID_CARD),
            Map.entry("no_card_in_currency", Reason.NO_CARD),
            Map.entry("customer_not_found", Reason.BANK));

    /** Every code the bank knows, by its reason: the ledger's, then the payment's, then billing's. */
    private static final Map<String, Reason> CODES = codes();

    private RefusalReasons() {}

    private static Map<String, Reason> codes() {
        Map<String, Reason> codes = new HashMap<>();
        for (RejectionCode code : RejectionCode.values()) {
            codes.put(code.code(), of(code));
        }
        for (PaymentRejection rejection : PaymentRejection.values()) {
            codes.put(rejection.code(), of(rejection));
        }
        codes.putAll(BILLING);
        return Map.copyOf(codes);
    }

    /** Why, for any code the bank stores or answers ({@link Reason#UNKNOWN}, logged, for one it does not know). */
    public static Reason of(String code) {
        Reason reason = code == null ? null : CODES.get(code);
        if (reason == null) {
            log.info("refusal code {} has no reason of its own: said as a generic refusal", printable(code));
            return Reason.UNKNOWN;
        }
        if (reason == Reason.BANK) {
            log.info("refusal code {} is said as the bank's generic refusal", code);
        }
        return reason;
    }

    /** Why a payment was refused. */
    public static Reason of(PaymentRejection rejection) {
        return switch (rejection) {
            case INSUFFICIENT_FUNDS -> Reason.FUNDS;
            case ACCOUNT_FROZEN, ACCOUNT_CLOSED -> Reason.ACCOUNT;
            case PAYEE_CANNOT_RECEIVE_CURRENCY -> Reason.PAYEE_ACCOUNT;
            case NO_ACCOUNT_IN_CURRENCY, CURRENCY_NOT_SUPPORTED -> Reason.CURRENCY;
            case CONFIRMATION_UNAVAILABLE -> Reason.NO_PHONE;
            case PAYEE_IS_PAYER -> Reason.SELF;
            case EXCEEDS_TRANSACTION_LIMIT,
                    EXCEEDS_DAILY_LIMIT,
                    EXCEEDS_MONTHLY_LIMIT,
                    EXCEEDS_CHANNEL_TRANSACTION_LIMIT,
                    EXCEEDS_CHANNEL_DAILY_LIMIT -> Reason.OVER_LIMIT;
            case ID_REUSED,
                    PAYER_NOT_FOUND,
                    PAYEE_NOT_FOUND,
                    ACCOUNT_NOT_FOUND,
                    CURRENCY_MISMATCH,
                    EXCEEDS_DEBITS,
                    OVERFLOWS_DEBITS,
                    OVERFLOWS_CREDITS -> Reason.BANK;
        };
    }

    /** Why paying a request was refused by the request. */
    public static Reason of(RequestRejection rejection) {
        return switch (rejection) {
            case REQUEST_PAID -> Reason.REQUEST_PAID;
            case REQUEST_DECLINED -> Reason.REQUEST_DECLINED;
            case REQUEST_EXPIRED -> Reason.REQUEST_EXPIRED;
            case REQUEST_CANCELLED -> Reason.REQUEST_CANCELLED;
            case TOO_MANY_ATTEMPTS -> Reason.REQUEST_ATTEMPTS;
            case NOT_THE_PAYER -> Reason.NOT_THE_PAYER;
            case REQUESTER_CANNOT_RECEIVE -> Reason.ACCOUNT;
            case NO_ACCOUNT_IN_CURRENCY -> Reason.CURRENCY;
            case PAYER_IS_REQUESTER, MEMBER_IS_ORGANISER -> Reason.SELF;
            default -> Reason.BANK; // asking's and splitting's refusals, which paying does not meet
        };
    }

    /** Why a replayed payment that ended meanwhile (or is being paid out) paid nothing more here. */
    public static Reason of(PaymentStatus status) {
        return switch (status) {
            case CANCELLED -> Reason.CANCELLED;
            case RETURNED -> Reason.RETURNED;
            case RETURN_HELD -> Reason.RETURN_HELD;
            case NOT_CONFIRMED -> Reason.NOT_CONFIRMED;
            case PAYING_OUT -> Reason.PAYING_OUT;
            case COMPLETED, AWAITING_CLAIM, AWAITING_CONFIRMATION, REJECTED -> Reason.BANK;
        };
    }

    private static Reason of(RejectionCode code) {
        return switch (code) {
            case EXCEEDS_CREDITS -> Reason.FUNDS;
            case ACCOUNT_FROZEN, ACCOUNT_CLOSED -> Reason.ACCOUNT;
            default -> Reason.BANK;
        };
    }

    /** Every code this mapper knows by name, for the tests. */
    static Set<String> knownCodes() {
        return CODES.keySet();
    }

    /** Every key a reason may be said with, for the tests that check the bundles. */
    public static List<String> messageKeys() {
        Set<String> keys = new LinkedHashSet<>();
        keys.add(BECAUSE);
        for (Reason reason : Reason.values()) {
            reason.clauseKey().ifPresent(keys::add);
            if (reason.sentenceKey != null) {
                keys.add(reason.sentenceKey);
            }
        }
        return List.copyOf(keys);
    }

    /** A code as a log may hold it: a provider's free text, shortened, on one line. */
    private static String printable(String code) {
        if (code == null) {
            return "(none)";
        }
        String line = code.replaceAll("\\p{Cntrl}", " ");
        return line.length() <= 64 ? line : line.substring(0, 64) + "...";
    }
}
