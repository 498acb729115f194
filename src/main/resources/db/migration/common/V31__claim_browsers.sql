-- Issue 13 (UX walk-through P6): the browser that proved a claim by a code is the only one that
-- may then choose where the money goes. One row per proven claim; the secret stays in the
-- browser's cookie, only its SHA-256 is kept.
CREATE TABLE claim_browsers (
    payment_id   UUID PRIMARY KEY,
    browser_hash VARCHAR(64) NOT NULL,
    bound_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
