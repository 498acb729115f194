-- An answer per assignment (review 2026-12-07 handoff follow-up). first_response_at is the case's
-- first answer by anyone and a case passed on kept it, so an agent who took an answered case
-- (a transfer, a reassignment, a give-back) and went away without writing held it for ever: the
-- presence janitor gives back only unanswered cases, and the team's first-response SLA read "met".
-- answered_at is the present holder's answer, cleared when the case is assigned or requeued;
-- answer_due_from is since when the present holder owes an answer (queued, or an answered case
-- passed on), where the first-response timer starts. first_response_at stays for reports.
ALTER TABLE handoff_cases ADD COLUMN answered_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE handoff_cases ADD COLUMN answer_due_from TIMESTAMP WITH TIME ZONE;
UPDATE handoff_cases SET answered_at = first_response_at, answer_due_from = queued_at;
ALTER TABLE handoff_cases ALTER COLUMN answer_due_from SET NOT NULL;
