-- Review 2026-12-07 money follow-up: a held return ('return_held') backs off. return_tries counts
-- the tries the payer's account refused (the payout's failure is the first), and each wait is twice
-- the one before, up to socialbank.payments.return-retry-max. A closed account (final in the
-- ledger) is not tried again: its return_retry_at is NULL and its code 'payer_account_closed', for
-- operations to settle by hand.
ALTER TABLE payments ADD COLUMN return_tries INT DEFAULT 0 NOT NULL;
UPDATE payments SET return_tries = 1 WHERE status = 'return_held';
