-- Each journal row keeps both accounts' posted balances (credits minus debits) right after it, as
-- the posting computed them under the accounts' locks. The journal's followers (transaction
-- alerts) read them instead of adding up an account's whole history per row, which grew with the
-- account (issue 22). Rows written before this migration stay NULL: for them the sum is still used.
-- The journal stays append-only: these are written once, with the row.
ALTER TABLE transfers ADD COLUMN debit_balance_after BIGINT;
ALTER TABLE transfers ADD COLUMN credit_balance_after BIGINT;
