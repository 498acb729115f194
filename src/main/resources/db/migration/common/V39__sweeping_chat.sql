-- Collection asked in chat (issue 16 s6): the request, recorded with the message that asked (its
-- id derives from the message, so a redelivery records nothing more), and each pull it started,
-- told to the customer's chat once (told_at is set in the transaction that writes the outbox).
CREATE TABLE sweeping_chat_requests (
    id          UUID PRIMARY KEY,
    customer_id UUID NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    taken_at    TIMESTAMP WITH TIME ZONE
);

CREATE INDEX sweeping_chat_requests_waiting ON sweeping_chat_requests (taken_at, created_at);

CREATE TABLE sweeping_chat_pulls (
    pull_id     UUID PRIMARY KEY REFERENCES sweeping_pulls (id),
    request_id  UUID NOT NULL REFERENCES sweeping_chat_requests (id),
    customer_id UUID NOT NULL,
    told_at     TIMESTAMP WITH TIME ZONE
);

CREATE INDEX sweeping_chat_pulls_untold ON sweeping_chat_pulls (told_at);
