-- "Did this help?" under the assistant's answers (issue 18): one vote per answer (its id is made
-- when the answer is sent, so a second press or a redelivered press counts nothing more), by
-- intent and language only: no customer, no chat, no text of the question.
CREATE TABLE assistant_feedback (
    answer_id UUID                     NOT NULL PRIMARY KEY,
    intent    VARCHAR(80)              NOT NULL,
    language  VARCHAR(8)               NOT NULL,
    helpful   BOOLEAN                  NOT NULL,
    channel   VARCHAR(32)              NOT NULL,
    given_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX assistant_feedback_intent ON assistant_feedback (intent, language);
