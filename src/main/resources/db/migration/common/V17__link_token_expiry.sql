-- One-time link, unlink and confirmation tokens are deleted a day after they expire
-- (ForgetExpiredTokens); this index keeps each batch a short range scan.
CREATE INDEX link_tokens_expires ON link_tokens (expires_at);
