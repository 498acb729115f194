-- Issue 17, campaigns: more of the segment, read from the ledger when each recipient's turn comes:
-- the products (ledger account kinds) a customer holds, a balance band in one currency, and the
-- last activity (a posting on one of her accounts within, or not within, some days).
ALTER TABLE campaigns ADD COLUMN segment_products VARCHAR(128);
ALTER TABLE campaigns ADD COLUMN segment_balance_currency CHAR(3);
ALTER TABLE campaigns ADD COLUMN segment_balance_min BIGINT;
ALTER TABLE campaigns ADD COLUMN segment_balance_max BIGINT;
ALTER TABLE campaigns ADD COLUMN segment_active_days INTEGER;
ALTER TABLE campaigns ADD COLUMN segment_inactive_days INTEGER;
