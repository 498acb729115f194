-- Security review #13: web-chat payloads are now stored sealed (AES-GCM, base64), as the bank's
-- replies carry one-time /link/, /confirm/, /unlink/, /claim/ and /pay-request/ URLs. The sealed
-- form of the largest payload (UTF-8 bytes, base64) needs a wider column. The rows written in clear
-- before this version that carry such a URL are deleted: they cannot be sealed without the pepper,
-- and a one-time link in the history is of no use once followed or expired.
ALTER TABLE webchat_messages ALTER COLUMN payload SET DATA TYPE VARCHAR(200000);

DELETE FROM webchat_messages
WHERE payload LIKE '%/link/%' OR payload LIKE '%/confirm/%' OR payload LIKE '%/unlink/%'
   OR payload LIKE '%/claim/%' OR payload LIKE '%/pay-request/%';
