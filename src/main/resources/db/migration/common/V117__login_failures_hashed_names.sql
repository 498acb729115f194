-- Review 2026-12-07 security follow-up: the sign-in throttle keyed user names as typed, so a
-- password typed into the name field was stored in clear. Keys are now an HMAC of the name; the
-- old clear-text rows are only failure counters, so they are dropped (a lockout running now ends
-- early, at most 15 minutes of it). Idle rows are purged by updated_at, hence the index.
DELETE FROM login_failures WHERE throttle_key LIKE 'user:%';

CREATE INDEX login_failures_updated_at ON login_failures (updated_at);
