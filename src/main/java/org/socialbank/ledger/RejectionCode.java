package org.socialbank.ledger;

import java.util.Locale;

/**
 * Why the ledger said no. The set is closed and the codes are stable: clients branch on them.
 *
 * <p>Checks run in the order of declaration below, so a request that breaks several rules is
 * always rejected with the same, first code. An exact replay of an existing id is checked after
 * the request's own shape and before any account is read, so it returns the original result even
 * when the accounts have changed since.
 */
public enum RejectionCode {
    // the request itself
    AMOUNT_MUST_BE_POSITIVE,
    ACCOUNTS_MUST_DIFFER,
    TIMEOUT_RESERVED_FOR_PENDING,
    // the id, for creates (pending transfers are looked up first for post and void)
    PENDING_NOT_FOUND,
    ID_EXISTS_WITH_DIFFERENT_FIELDS,
    // the accounts
    ACCOUNT_NOT_FOUND,
    CURRENCY_MISMATCH,
    ACCOUNT_CLOSED,
    ACCOUNT_FROZEN,
    // the pending transfer being posted or voided
    PENDING_ALREADY_POSTED,
    PENDING_ALREADY_VOIDED,
    PENDING_EXPIRED,
    EXCEEDS_PENDING_AMOUNT,
    // the balances
    OVERFLOWS_DEBITS,
    OVERFLOWS_CREDITS,
    EXCEEDS_CREDITS,
    EXCEEDS_DEBITS,
    // accounts: opening and status changes
    FLAGS_ARE_MUTUALLY_EXCLUSIVE,
    ACCOUNT_HAS_BALANCE,
    // linked batches: another transfer of the batch failed, so this one was not committed
    LINKED_EVENT_FAILED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
