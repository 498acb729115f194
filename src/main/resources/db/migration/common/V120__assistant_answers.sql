-- The answers POST /api/v1/assistant/classify gave (review 2026-12-07 assistant follow-up): a vote
-- over the API must name one of these ids, and counts under the row's intent and language, not
-- the caller's. Rows expire (assistant.Assistant.ANSWER_TTL); each issue deletes a bounded batch
-- of expired rows, so the table holds about one TTL's worth of answers.
CREATE TABLE assistant_answers (
    answer_id  UUID                     NOT NULL PRIMARY KEY,
    intent     VARCHAR(80)              NOT NULL,
    language   VARCHAR(8)               NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX assistant_answers_expires ON assistant_answers (expires_at);
