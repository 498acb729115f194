-- The conversation janitor deletes old rows by age: these indexes keep each run a short range scan.
CREATE INDEX inbox_messages_received ON inbox_messages (received_at);
CREATE INDEX outbox_messages_created ON outbox_messages (status, created_at);
