-- H2 has no partial indexes: the embedded store keeps V1's transfers_resolution. PostgreSQL's
-- covers only the rows with a pending_id (issue 22, ledger22).
SELECT 1;
