-- H2 flushes an identity column's sequence every CACHE values (32 by default) by committing a
-- system session, and each such commit makes the store write every page changed since its last
-- write, those of the transactions still running included. A journal group of 1,024 rows paid for
-- about 32 such writes: session 12's profile of linked batches on durable H2 found them to be most
-- of the group commit's time (docs/benchmarks.md, "Session 12"). A larger cache flushes once per
-- 1,024 values. Values stay unique and increasing; a crash may leave a gap of up to that many,
-- which nothing reads as meaningful (the journal's followers and statements order by seq, never
-- count on it being dense).
ALTER TABLE transfers ALTER COLUMN seq SET CACHE 1024;
ALTER TABLE dev_email_inbox ALTER COLUMN seq SET CACHE 1024;
ALTER TABLE dev_sms_inbox ALTER COLUMN seq SET CACHE 1024;
ALTER TABLE webchat_messages ALTER COLUMN seq SET CACHE 1024;
