-- Review 2026-12-07 loyalty follow-up (3): a refund whose take-back the ledger refused (the points
-- account frozen or closed) left no row, so a later part of the same purchase counted its share as
-- if that part had never been refunded, and a second reading of the journal tried it again. It is
-- now kept with the ledger's code and the points it would have taken (taken 0, owed 0, points 0):
-- the amount it gave back counts for its purchase, so the next part takes what is due, and a
-- replay answers as the first reading did.
ALTER TABLE loyalty_take_backs ADD COLUMN refused_code VARCHAR(64);
ALTER TABLE loyalty_take_backs ADD COLUMN points_refused BIGINT DEFAULT 0 NOT NULL;

-- The card feed's replay check compares the purchase a refund names too: the same refund id with
-- another purchase (or none where one was named) is id_reused, as another amount is. Rows booked
-- before name none here; for them the ledger transfer's metadata says which purchase was named.
ALTER TABLE card_transactions ADD COLUMN purchase_transfer_id UUID;
