-- A message whose handling failed (a poison message: the dialogue threw for it) is still
-- recorded in the inbox, in a transaction of its own after its effects were rolled back, so a
-- redelivery is a duplicate and the channel moves on. See docs/conversation-engine.md.
-- (No CHECK ... IN here: H2 binds the constant set of such a check to the session that created
-- it, and the check fails once that connection is closed. The code writes only these two values.)
ALTER TABLE inbox_messages ADD COLUMN outcome VARCHAR(16) DEFAULT 'handled' NOT NULL;
ALTER TABLE inbox_messages ADD COLUMN error VARCHAR(200);
