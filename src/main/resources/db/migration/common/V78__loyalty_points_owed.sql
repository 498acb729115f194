-- Review 2026-12-07 money #3: a card refund takes back the points its purchase earned, but points
-- held for a voucher or a bill's discount cannot move while held. The refund takes what is
-- available; the held part is owed on the member's row and taken if that hold is released (the
-- points come back); if it is spent, they stay spent, as redeemed points do. Never more than is
-- held, so no negative balance is ever carried.
ALTER TABLE loyalty_members ADD COLUMN points_owed BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE loyalty_members ADD CONSTRAINT loyalty_members_points_owed_ck CHECK (points_owed >= 0);

-- One row per refund whose points were taken back (taken now, owed for later): a second reading of
-- the journal takes and owes nothing again, even when nothing could be taken at once.
CREATE TABLE loyalty_take_backs (
    refund_transfer_id UUID                     NOT NULL PRIMARY KEY,
    customer_id        UUID                     NOT NULL REFERENCES loyalty_members (customer_id),
    points             BIGINT                   NOT NULL,
    taken              BIGINT                   NOT NULL,
    owed               BIGINT                   NOT NULL,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL
);
