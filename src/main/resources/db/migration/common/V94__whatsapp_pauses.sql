-- Meta's rate-limit pauses, shared by every node of the bank (review 2026-12-07 channels
-- follow-up): a pause one node learns (from a send's answer or a `failed` status on the webhook)
-- holds on all of them, or the others keep sending into the limit and Meta escalates it. One row per
-- business phone number id and scope: '*' pauses every send of the number (130429, 4, 80007, 429,
-- a refused token), a WhatsApp user's wa_id pauses only sends to that user (131056, the pair rate).
-- paused_until is only ever moved later, by a conditional update; the janitor deletes ended rows.
CREATE TABLE whatsapp_pauses (
    phone_number_id VARCHAR(32)              NOT NULL,
    scope           VARCHAR(32)              NOT NULL,
    paused_until    TIMESTAMP WITH TIME ZONE NOT NULL,
    reason          VARCHAR(300)             NOT NULL,
    CONSTRAINT pk_whatsapp_pauses PRIMARY KEY (phone_number_id, scope)
);
CREATE INDEX whatsapp_pauses_until ON whatsapp_pauses (paused_until);
