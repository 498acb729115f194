-- A message whose handling failed (a poison message: the dialogue threw for it) is still
-- recorded in the inbox, in a transaction of its own after its effects were rolled back, so a
-- redelivery is a duplicate and the channel moves on. See docs/conversation-engine.md.
ALTER TABLE inbox_messages ADD COLUMN outcome VARCHAR(16) DEFAULT 'handled' NOT NULL;
ALTER TABLE inbox_messages ADD COLUMN error VARCHAR(200);
ALTER TABLE inbox_messages ADD CONSTRAINT inbox_messages_outcome_known CHECK (outcome IN ('handled', 'failed'));
