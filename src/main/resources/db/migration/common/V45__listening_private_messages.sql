-- Private messages staff send from a listening case (issue 20 s3): to the linked customer's chat,
-- or by direct message to the author on a network that allows it (X). The message itself leaves
-- through the conversation outbox, written in the same transaction as this row.
CREATE TABLE listening_case_messages (
    id UUID PRIMARY KEY,
    case_id UUID NOT NULL REFERENCES listening_cases (id),
    author VARCHAR(64) NOT NULL,
    body VARCHAR(2000) NOT NULL,
    -- the network and chat account it went to
    network VARCHAR(16) NOT NULL,
    identity_id UUID NOT NULL,
    -- true: the account is linked to the customer; false: a direct message to an unlinked author
    linked_customer BOOLEAN NOT NULL,
    written_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX listening_case_messages_case ON listening_case_messages (case_id, written_at);
