-- A linked web-chat session (security review #10): it ends after linked-idle-timeout without a
-- message, and after linked-lifetime whatever happens. visitor is the chat account's id (the
-- SHA-256 of the cookie's secret), which changes when the session is rotated at sign-in. An
-- ended session keeps its row a while (ended_at), so its cookie is refused, not reused.
CREATE TABLE webchat_sessions (
    visitor      VARCHAR(128)             NOT NULL PRIMARY KEY,
    linked_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen_at TIMESTAMP WITH TIME ZONE NOT NULL,
    ended_at     TIMESTAMP WITH TIME ZONE
);

CREATE INDEX webchat_sessions_last_seen ON webchat_sessions (last_seen_at);
CREATE INDEX webchat_sessions_linked ON webchat_sessions (linked_at);

-- Messages sent to the web chat per network address (an IPv4 address, an IPv6 /64) over the last
-- minute, on every node: rotating cookies does not buy more messages (security review #9).
CREATE TABLE webchat_address_sends (
    id          UUID                     NOT NULL PRIMARY KEY,
    address_key VARCHAR(64)              NOT NULL,
    sent_at     TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX webchat_address_sends_key ON webchat_address_sends (address_key, sent_at);
CREATE INDEX webchat_address_sends_at ON webchat_address_sends (sent_at);
