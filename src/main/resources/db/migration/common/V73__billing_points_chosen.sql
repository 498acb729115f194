-- Issue 16 s3.7 for payments held for the step-up: a customer who pressed "Use N points" on an
-- Iranian bill or a top-up that the risk policy then held for the bank's page chose to use their
-- points, but nothing is held while it waits. The choice is kept here, written in the transaction
-- that held the payment (payment_id: the bill payment's or the top-up's id, the key of
-- billing_points_shares and of the loyalty hold too); when the customer confirms on the page the
-- points are held then (PointsShares#holdChosen), as many as they may still use.
CREATE TABLE billing_points_chosen (
    payment_id UUID PRIMARY KEY,
    customer_id UUID NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
