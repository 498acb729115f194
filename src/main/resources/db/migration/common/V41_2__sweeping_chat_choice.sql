-- A collection asked in chat names the linked account and the amount it wants (issue 16 s6);
-- both null: every consent, all each allows (the requests recorded before this version).
ALTER TABLE sweeping_chat_requests ADD COLUMN consent_id UUID;
ALTER TABLE sweeping_chat_requests ADD COLUMN amount_minor BIGINT;
