-- A listening case handed to a person (issues 19 and 20): the handoff case it opened in the
-- console's queues. Set once; the handoff's close closes the listening case with it.
ALTER TABLE listening_cases ADD COLUMN handoff_case_id UUID;

CREATE INDEX listening_cases_handoff ON listening_cases (handoff_case_id);
