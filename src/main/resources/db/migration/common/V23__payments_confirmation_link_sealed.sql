-- Security review #13: the step-up page's link of a held payment is a bearer secret. It is now
-- stored only sealed (AES-GCM under a key derived from the one-time-code pepper, bound to the
-- payment id) and only while the payment waits for its confirmation. Links stored in clear
-- before this version are dropped: the payer still has them in the chat or the API answer.
ALTER TABLE payments RENAME COLUMN confirmation_url TO confirmation_link_sealed;
ALTER TABLE payments ALTER COLUMN confirmation_link_sealed SET DATA TYPE VARCHAR(1024);
UPDATE payments SET confirmation_link_sealed = NULL;
