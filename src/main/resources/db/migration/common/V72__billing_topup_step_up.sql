-- Security review #4 for top-ups: a top-up the risk policy wants confirmed (above the step-up
-- threshold, or asked for in a newly linked chat) waits for the step-up on the bank's page, as a
-- bill does: challenge_id is the step-up it waits for (its link is answered once, never stored).
ALTER TABLE billing_topups ADD COLUMN challenge_id UUID;
ALTER TABLE billing_topups DROP CONSTRAINT billing_topups_status;
ALTER TABLE billing_topups ADD CONSTRAINT billing_topups_status CHECK (status IN (
    'AWAITING_CONFIRMATION', 'NOT_CONFIRMED', 'PENDING', 'UNKNOWN', 'COMPLETED', 'FAILED', 'REJECTED'));
