-- Issue 13: one setting per customer for the language and the time zone of every chat and page.
-- The language was already on the customer; the zone is new: an IANA region id (Europe/Paris),
-- NULL while the customer has not chosen one, and then her language's default (fa: Asia/Tehran,
-- zh: Asia/Shanghai, see shared.CustomerTime). Never "UTC": a customer's page names a place.
ALTER TABLE customers ADD COLUMN time_zone VARCHAR(64);
