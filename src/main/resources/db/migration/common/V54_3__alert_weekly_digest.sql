-- Issue 17: a weekly digest of transaction alerts. Its alerts wait under the Monday of their week
-- (in the customer's zone) as digest_day, so alert_digests' primary key (customer, day) keeps it
-- to one digest per customer and week.
ALTER TABLE alert_settings DROP CONSTRAINT alert_settings_delivery_known;
ALTER TABLE alert_settings ADD CONSTRAINT alert_settings_delivery_known CHECK (delivery IN ('instant', 'daily',
    'weekly'));
