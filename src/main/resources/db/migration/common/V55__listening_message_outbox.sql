-- Issue 20: a private message of a listening case remembers its conversation outbox message, so
-- the case page can show how far its delivery got (waiting, sent, failed). Rows written before
-- this migration have none and show no delivery.
ALTER TABLE listening_case_messages ADD COLUMN outbox_id UUID;
