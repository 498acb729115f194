-- Security review #12: each customer's hourly allowance of alias lookups in the chats (resolving
-- an alias tells whether it is a customer's and their masked name), one row per customer and
-- clock hour, locked while counted so that every node shares it. Rows over a day old are deleted.
CREATE TABLE payee_lookups (
    customer_id             UUID                     NOT NULL,
    window_start            TIMESTAMP WITH TIME ZONE NOT NULL,
    used                    INT                      NOT NULL,
    PRIMARY KEY (customer_id, window_start),
    CONSTRAINT payee_lookups_used_not_negative CHECK (used >= 0)
);

CREATE INDEX payee_lookups_window ON payee_lookups (window_start);

-- requests one requester sent in the last hour (the per-requester rate of requests and splits)
CREATE INDEX money_requests_requester_created ON money_requests (requester_id, created_at);
