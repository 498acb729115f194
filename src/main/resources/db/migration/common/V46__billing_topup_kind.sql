-- Issue 15 section 2: a top-up is the operator's direct charge or its bonus charge (Irancell's
-- شگفت‌انگیز, MCI's فوق‌العاده, Rightel's شورانگیز), each sold at its own denominations.
ALTER TABLE billing_topups ADD COLUMN kind VARCHAR(16) DEFAULT 'direct' NOT NULL;
ALTER TABLE billing_topups ADD CONSTRAINT billing_topups_kind_known CHECK (kind IN ('direct', 'bonus'));
