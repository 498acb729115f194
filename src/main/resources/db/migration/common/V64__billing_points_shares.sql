-- Issue 16 s3.7: loyalty points taken as a discount on an Iranian bill or a mobile top-up paid in
-- chat (bills paid by account number keep theirs on their own row, V58_1). One row per payment
-- that used points, written in the transaction that held them: payment_id is the bill payment's or
-- the top-up's id (the loyalty hold's key too), points how many, discount_minor what they were
-- worth, paid to the provider's settlement account from the bank's rewards account by transfer_id
-- (pending with the customer's own transfer, posted or voided with it).
CREATE TABLE billing_points_shares (
    payment_id UUID PRIMARY KEY,
    customer_id UUID NOT NULL,
    points BIGINT NOT NULL,
    discount_minor BIGINT NOT NULL,
    currency CHAR(3) NOT NULL,
    transfer_id UUID NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
