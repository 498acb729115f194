-- When the console last saw an agent (review 2026-12-07 console follow-up): an agent available for
-- new cases but not seen within socialbank.handoff.presence-timeout gets no new case, and the
-- presence janitor marks them away. Agents enrolled before count as seen now, so that those at work
-- during the upgrade go on (their next console request keeps them), and the others go away after
-- one timeout.
ALTER TABLE handoff_agents ADD COLUMN last_seen_at TIMESTAMP WITH TIME ZONE;
UPDATE handoff_agents SET last_seen_at = CURRENT_TIMESTAMP;
