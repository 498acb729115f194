-- When the console last saw an agent, in a table of its own (review 2026-12-07 console follow-up).
-- V81 kept it in handoff_agents.last_seen_at, the row that the presence janitor and every
-- assignment lock: a sighting that came while the row was held did not wait and was dropped, and
-- the janitor, having read the old time, marked away an agent who was right there. Nothing but
-- a sighting writes or locks this row, so a sighting is always kept; the janitor reads it under
-- its own lock on the agent's row. No foreign key: agents are never deleted, and a key check on
-- the agent's row is what a sighting must not wait for. Every agent has a row (seen_at NULL:
-- never seen), so a sighting is a plain conditional update.
CREATE TABLE handoff_agent_sightings (
    agent_id VARCHAR(64)              NOT NULL,
    seen_at  TIMESTAMP WITH TIME ZONE,
    CONSTRAINT pk_handoff_agent_sightings PRIMARY KEY (agent_id)
);
INSERT INTO handoff_agent_sightings (agent_id, seen_at) SELECT agent_id, last_seen_at FROM handoff_agents;
ALTER TABLE handoff_agents DROP COLUMN last_seen_at;
