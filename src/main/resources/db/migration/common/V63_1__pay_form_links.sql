-- The links of payment forms an agent sends to a customer's chat (issue 19): a random token,
-- stored only as its SHA-256, bound to the chat account and the customer linked to it, short-lived
-- and spent by the form's submission (the payment's id is derived from it, so a second submission
-- replays the same payment instead of paying twice).
CREATE TABLE pay_form_links (
    token_sha256 VARCHAR(64)              NOT NULL,
    identity_id  UUID                     NOT NULL,
    customer_id  UUID                     NOT NULL,
    issued_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at      TIMESTAMP WITH TIME ZONE,
    payment_id   UUID,
    CONSTRAINT pk_pay_form_links PRIMARY KEY (token_sha256)
);

CREATE INDEX pay_form_links_expires ON pay_form_links (expires_at);
