-- Applications (review 2026-12-07 apps follow-up): application_staff_actions audits every change of
-- an application's status, not only staff's. Each row says what kind of actor made it: STAFF (an API
-- client, as before: every row written so far is one), SYSTEM (the underwriting's verdict applied
-- by auto-decide, the fulfilment of an approval and its janitor; the actor column names the rule
-- and its verdict) or CUSTOMER (her signed form submitting it). The table stays append-only
-- (V108's trigger on PostgreSQL): adding a column with a default rewrites no row through UPDATE.
-- Changes made before this migration by the system or the customer were not recorded and are not
-- made up here.
ALTER TABLE application_staff_actions ADD COLUMN actor_kind VARCHAR(8) DEFAULT 'STAFF' NOT NULL;
ALTER TABLE application_staff_actions ADD CONSTRAINT application_staff_actions_actor_kind
    CHECK (actor_kind IN ('STAFF', 'SYSTEM', 'CUSTOMER'));

-- A missed instalment's reasons on the bank's side share one notice key, 'completing' (as an
-- approval's since V108): noted once per instalment whatever their number. An instalment already
-- noted with one bank_<code> reason counts as noted.
INSERT INTO loan_instalment_notices (loan_id, instalment_no, reason, told_at)
    SELECT loan_id, instalment_no, 'completing', MIN(told_at) FROM loan_instalment_notices
    WHERE LEFT(reason, 5) = 'bank_' GROUP BY loan_id, instalment_no;
