-- Whom each customer paid lately, so that "pay Bob 10" finds Bob. Written by the conversation
-- engine when a payment completes; names are read from the directory when needed.
CREATE TABLE recent_payees (
    payer_customer_id UUID                     NOT NULL,
    payee_customer_id UUID                     NOT NULL,
    paid_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (payer_customer_id, payee_customer_id)
);

CREATE INDEX recent_payees_payer ON recent_payees (payer_customer_id, paid_at);
