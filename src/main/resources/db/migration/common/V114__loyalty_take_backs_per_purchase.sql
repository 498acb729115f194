-- Review 2 (2026-12-07 loyalty follow-up): a purchase refunded in parts kept a point, as each part
-- took back the points of its own amount, rounded down, alone. A refund that names its purchase
-- (the card feed's purchase id, on the refund's transfer) now records the purchase and the amount
-- it gave back, so that what is taken back for a purchase is always the points of everything
-- refunded of it so far, rounded down as earning is: a purchase refunded in full, in any number of
-- parts, gives back exactly the points it earned. Rows from before name no purchase.
ALTER TABLE loyalty_take_backs ADD COLUMN purchase_transfer_id UUID;
ALTER TABLE loyalty_take_backs ADD COLUMN refunded_minor BIGINT;
CREATE INDEX loyalty_take_backs_purchase_ix ON loyalty_take_backs (purchase_transfer_id);
