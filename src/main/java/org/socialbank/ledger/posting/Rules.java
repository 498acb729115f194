package org.socialbank.ledger.posting;

import java.time.Instant;
import java.util.Optional;
import org.socialbank.ledger.Account;
import org.socialbank.ledger.AccountFlag;
import org.socialbank.ledger.AccountStatus;
import org.socialbank.ledger.NewTransfer;
import org.socialbank.ledger.RejectionCode;
import org.socialbank.ledger.Resolution;
import org.socialbank.ledger.Transfer;
import org.socialbank.ledger.TransferKind;

/** The business rules of the ledger, pure and in the documented order of {@link RejectionCode}. */
final class Rules {

    private Rules() {}

    static Optional<RejectionCode> checkShape(NewTransfer request) {
        if (request.amountMinor() <= 0) {
            return Optional.of(RejectionCode.AMOUNT_MUST_BE_POSITIVE);
        }
        if (request.debitAccountId().equals(request.creditAccountId())) {
            return Optional.of(RejectionCode.ACCOUNTS_MUST_DIFFER);
        }
        if (!request.pending() && request.timeoutSeconds() != 0) {
            return Optional.of(RejectionCode.TIMEOUT_RESERVED_FOR_PENDING);
        }
        return Optional.empty();
    }

    static Optional<RejectionCode> checkCreate(NewTransfer request, Account debit, Account credit) {
        if (!debit.currency().equals(request.currency()) || !credit.currency().equals(request.currency())) {
            return Optional.of(RejectionCode.CURRENCY_MISMATCH);
        }
        Optional<RejectionCode> status = checkStatus(debit, credit);
        if (status.isPresent()) {
            return status;
        }
        return checkBalances(debit, credit, request.amountMinor());
    }

    static Optional<RejectionCode> checkResolve(
            Resolution request,
            Transfer pending,
            long amount,
            Book.PendingState state,
            Account debit,
            Account credit,
            Instant now) {
        if (request.kind() == TransferKind.POST_PENDING) {
            Optional<RejectionCode> status = checkStatus(debit, credit);
            if (status.isPresent()) {
                return status;
            }
        }
        switch (state.status()) {
            case POSTED:
                return Optional.of(RejectionCode.PENDING_ALREADY_POSTED);
            case VOIDED:
                return Optional.of(RejectionCode.PENDING_ALREADY_VOIDED);
            case EXPIRED:
                return Optional.of(RejectionCode.PENDING_EXPIRED);
            default:
                break;
        }
        boolean due = state.expiresAt() != null && !state.expiresAt().isAfter(now);
        if (request.kind() == TransferKind.EXPIRE_PENDING) {
            if (!due) {
                throw new IllegalStateException("pending transfer " + pending.id() + " is not due");
            }
            return Optional.empty();
        }
        if (due) {
            return Optional.of(RejectionCode.PENDING_EXPIRED);
        }
        if (amount > pending.amountMinor()) {
            return Optional.of(RejectionCode.EXCEEDS_PENDING_AMOUNT);
        }
        return Optional.empty();
    }

    private static Optional<RejectionCode> checkStatus(Account debit, Account credit) {
        if (debit.status() == AccountStatus.CLOSED || credit.status() == AccountStatus.CLOSED) {
            return Optional.of(RejectionCode.ACCOUNT_CLOSED);
        }
        if (debit.status() == AccountStatus.FROZEN || credit.status() == AccountStatus.FROZEN) {
            return Optional.of(RejectionCode.ACCOUNT_FROZEN);
        }
        return Optional.empty();
    }

    /** A new posted or pending amount must fit in a long and respect both accounts' flags. */
    private static Optional<RejectionCode> checkBalances(Account debit, Account credit, long amount) {
        long debits;
        long credits;
        try {
            debits = Math.addExact(Math.addExact(debit.debitsPosted(), debit.debitsPending()), amount);
        } catch (ArithmeticException e) {
            return Optional.of(RejectionCode.OVERFLOWS_DEBITS);
        }
        try {
            credits = Math.addExact(Math.addExact(credit.creditsPosted(), credit.creditsPending()), amount);
        } catch (ArithmeticException e) {
            return Optional.of(RejectionCode.OVERFLOWS_CREDITS);
        }
        if (debit.has(AccountFlag.DEBITS_MUST_NOT_EXCEED_CREDITS) && debits > debit.creditsPosted()) {
            return Optional.of(RejectionCode.EXCEEDS_CREDITS);
        }
        if (credit.has(AccountFlag.CREDITS_MUST_NOT_EXCEED_DEBITS) && credits > credit.debitsPosted()) {
            return Optional.of(RejectionCode.EXCEEDS_DEBITS);
        }
        return Optional.empty();
    }
}
