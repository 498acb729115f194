-- After the relay records a send, the WhatsApp sender looks for a failure Meta reported while the
-- row was still the relay's (review 2026-12-07 channels follow-up): the row's messages by outbox id.
CREATE INDEX whatsapp_messages_outbox ON whatsapp_messages (outbox_id);
