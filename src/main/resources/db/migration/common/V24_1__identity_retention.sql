-- Security review #9: chat accounts that were never linked are deleted once idle
-- (ForgetIdleIdentities). first_linked_at remembers that an account was linked even after it was
-- unlinked (the audit of what was done through it keeps its row). Back-filled from today's links,
-- link tokens that completed and unlink tokens (each issued on a link).
ALTER TABLE channel_identities ADD COLUMN first_linked_at TIMESTAMP WITH TIME ZONE;

UPDATE channel_identities SET first_linked_at = COALESCE(linked_at, created_at)
WHERE linked_at IS NOT NULL OR customer_id IS NOT NULL
   OR EXISTS (SELECT 1 FROM link_tokens t WHERE t.identity_id = channel_identities.id
              AND (t.purpose = 'unlink' OR (t.purpose = 'link' AND t.state = 'done')));

CREATE INDEX channel_identities_unlinked ON channel_identities (created_at);
