-- svc16 (issue 16 s3): a partner voucher's code is a bearer secret. The chat gets a signed link to
-- the bank's page, which shows the code once (then says it was shown); this is when.
ALTER TABLE loyalty_vouchers ADD COLUMN code_shown_at TIMESTAMP WITH TIME ZONE;
