-- One row per payer, locked FOR UPDATE while a payment of theirs is decided: two payments of one
-- payer at once are assessed one after the other, so together they cannot pass a daily or monthly
-- limit that each alone stays under.
CREATE TABLE payment_payers (
    payer_customer_id UUID NOT NULL PRIMARY KEY
);
