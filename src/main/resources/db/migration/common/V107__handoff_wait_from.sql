-- Since when a waiting case counts against socialbank.handoff.queue-wait-max (review 2026-12-07
-- console follow-up). The janitor used queued_at, which a case keeps when it goes back to a queue
-- (a transfer to another team, an agent gone from the console or disabled) so that the customer
-- keeps her place in the fair order. A case given back after hours with an agent was then handed
-- to the bot a minute after its customer was told her place. wait_from is when it was queued, or
-- when it last went back to a queue; queued_at stays the fair order's.
ALTER TABLE handoff_cases ADD COLUMN wait_from TIMESTAMP WITH TIME ZONE;
UPDATE handoff_cases SET wait_from = queued_at;
ALTER TABLE handoff_cases ALTER COLUMN wait_from SET NOT NULL;
CREATE INDEX handoff_cases_wait ON handoff_cases (status, wait_from);
