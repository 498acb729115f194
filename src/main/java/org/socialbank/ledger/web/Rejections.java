package org.socialbank.ledger.web;

import java.util.Map;
import org.socialbank.ledger.RejectionCode;
import org.socialbank.shared.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** The one place that turns ledger rejection codes into HTTP problems. */
final class Rejections {

    private static final Map<RejectionCode, String> DETAILS = Map.ofEntries(
            Map.entry(RejectionCode.AMOUNT_MUST_BE_POSITIVE, "The amount must be more than zero."),
            Map.entry(RejectionCode.ACCOUNTS_MUST_DIFFER, "The debit and credit accounts are the same."),
            Map.entry(RejectionCode.TIMEOUT_RESERVED_FOR_PENDING, "Only a pending transfer takes a timeout."),
            Map.entry(RejectionCode.PENDING_NOT_FOUND, "There is no pending transfer with this id."),
            Map.entry(
                    RejectionCode.ID_EXISTS_WITH_DIFFERENT_FIELDS,
                    "This id was already used for a different request; nothing was changed."),
            Map.entry(RejectionCode.ACCOUNT_NOT_FOUND, "An account of this request does not exist."),
            Map.entry(
                    RejectionCode.CURRENCY_MISMATCH, "The transfer's currency must be the currency of both accounts."),
            Map.entry(RejectionCode.ACCOUNT_CLOSED, "An account of this request is closed."),
            Map.entry(RejectionCode.ACCOUNT_FROZEN, "An account of this request is frozen."),
            Map.entry(RejectionCode.PENDING_ALREADY_POSTED, "The pending transfer was already posted."),
            Map.entry(RejectionCode.PENDING_ALREADY_VOIDED, "The pending transfer was already voided."),
            Map.entry(RejectionCode.PENDING_EXPIRED, "The pending transfer has expired."),
            Map.entry(
                    RejectionCode.EXCEEDS_PENDING_AMOUNT,
                    "The amount to post is more than the pending transfer reserved."),
            Map.entry(RejectionCode.OVERFLOWS_DEBITS, "The debit account's totals would overflow."),
            Map.entry(RejectionCode.OVERFLOWS_CREDITS, "The credit account's totals would overflow."),
            Map.entry(RejectionCode.EXCEEDS_CREDITS, "The debit account does not have enough funds."),
            Map.entry(RejectionCode.EXCEEDS_DEBITS, "The credit account cannot take more credits than its debits."),
            Map.entry(
                    RejectionCode.FLAGS_ARE_MUTUALLY_EXCLUSIVE,
                    "An account takes at most one of the two balance flags."),
            Map.entry(
                    RejectionCode.ACCOUNT_HAS_BALANCE,
                    "An account with a balance or a pending reservation cannot be closed."),
            Map.entry(
                    RejectionCode.LINKED_EVENT_FAILED,
                    "Another transfer of the linked batch failed, so none was booked."));

    private Rejections() {}

    static ProblemDetail problem(RejectionCode code) {
        HttpStatus status = code == RejectionCode.ID_EXISTS_WITH_DIFFERENT_FIELDS
                ? HttpStatus.CONFLICT
                : HttpStatus.UNPROCESSABLE_CONTENT;
        return Problems.of(status, code.code(), DETAILS.getOrDefault(code, code.code()));
    }
}
