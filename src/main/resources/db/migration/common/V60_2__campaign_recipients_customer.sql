-- Issue 17 (3.9): the weekly frequency cap counts per customer, not per chat account: a customer
-- with two linked chats is capped once. The customer a message went to is kept on its recipient
-- row when it is sent (NULL for an account linked to nobody, capped per account as before).
ALTER TABLE campaign_recipients ADD COLUMN customer_id UUID;

CREATE INDEX campaign_recipients_customer ON campaign_recipients (customer_id, status, updated_at);
