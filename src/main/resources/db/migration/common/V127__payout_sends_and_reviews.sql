-- send_id: the end-to-end id the rail knows the latest send of a payout by. The first send uses
-- the payout's id (so rows sent before this migration keep asking about what they sent); a send
-- after the rail answered not_received gets a new one, since the rail refuses the old id for good
-- (review 2026-12-07 payout follow-up: a queued send that arrived after not_received paid twice).
-- review_since: when a payout unfinished longer than socialbank.payouts.review-after was marked
-- for operations' review; null otherwise.

ALTER TABLE payouts ADD COLUMN send_id UUID;
UPDATE payouts SET send_id = id;
ALTER TABLE payouts ALTER COLUMN send_id SET NOT NULL;
CREATE UNIQUE INDEX payouts_send_id ON payouts (send_id);

ALTER TABLE payouts ADD COLUMN review_since TIMESTAMP WITH TIME ZONE;
CREATE INDEX payouts_status_created ON payouts (status, created_at);
