-- Review 2026-12-07 console follow-up: a case's public reply and private message are sent once per
-- client id (the form's, as the handoff agent's reply): a double click or a resubmitted form finds
-- the row the first one wrote, in the transaction that wrote its outbox message. Rows from before
-- have no client id (NULLs do not collide under UNIQUE, in H2 and PostgreSQL alike).
ALTER TABLE listening_case_replies ADD COLUMN client_id VARCHAR(64);
ALTER TABLE listening_case_replies ADD CONSTRAINT listening_case_replies_client UNIQUE (case_id, client_id);
ALTER TABLE listening_case_messages ADD COLUMN client_id VARCHAR(64);
ALTER TABLE listening_case_messages ADD CONSTRAINT listening_case_messages_client UNIQUE (case_id, client_id);
