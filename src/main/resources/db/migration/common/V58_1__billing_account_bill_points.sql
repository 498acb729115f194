-- Issue 16 s3.7: loyalty points taken as a discount on a bill paid by account number. points: how
-- many the customer used (held by loyalty under the payment's id), discount_minor: what they were
-- worth, paid to the biller from the bank's rewards account by discount_transfer_id (pending with
-- the customer's own transfer, posted or voided with it). All null without points.
ALTER TABLE billing_account_bill_payments ADD COLUMN points BIGINT;
ALTER TABLE billing_account_bill_payments ADD COLUMN discount_minor BIGINT;
ALTER TABLE billing_account_bill_payments ADD COLUMN discount_transfer_id UUID;
