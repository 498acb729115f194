-- A claim's failed payout whose money the payer's account refused back (frozen or closed) is
-- 'return_held': the money stays on the bank's settlement account, operations list it, and a
-- janitor gives it back once the account takes it. return_retry_at is when it may next try: a
-- node claims a payment with a conditional UPDATE of it, so two nodes never try the same one.
ALTER TABLE payments DROP CONSTRAINT payments_status_known;
ALTER TABLE payments ADD CONSTRAINT payments_status_known CHECK (status IN ('completed', 'awaiting_claim',
    'awaiting_confirmation', 'rejected', 'cancelled', 'returned', 'paying_out', 'not_confirmed', 'return_held'));
ALTER TABLE payments ADD COLUMN return_retry_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX payments_status_return_retry ON payments (status, return_retry_at);
