-- The outbox relay sends to many chats at once (docs/conversation-engine.md, "Outbox relay"): only
-- the earliest PENDING row of a chat may be claimed (ids are time-ordered, so "earliest" is the
-- smallest id), and this index answers "is there an earlier pending row of this chat?".
-- No column is added: on H2 2.4 an ALTER TABLE ... ADD COLUMN in a migration leaves CHECK
-- constraints bound to the migration's session, and they fail once that connection closes.
CREATE INDEX outbox_messages_chat ON outbox_messages (channel, recipient, status, id);

-- Links in replies are bearer secrets (security review #13): finished rows written before
-- payloads were sealed and blanked hold them in clear, and nothing reads them again.
UPDATE outbox_messages SET payload = '' WHERE status IN ('SUCCEEDED', 'FAILED');
