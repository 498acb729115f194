-- Issue 15 s1: a bill asked in chat is inquired at the biller by a worker (never inside the chat
-- message's transaction), so that the confirmation shows the biller's own name and the masked
-- holder. One row per chat message (its id derives from the message), answered once.
CREATE TABLE billing_bill_inquiries (
    id          UUID                     NOT NULL PRIMARY KEY,
    customer_id UUID                     NOT NULL,
    bill_id     VARCHAR(13)              NOT NULL,
    payment_id  VARCHAR(13)              NOT NULL,
    channel     VARCHAR(16)              NOT NULL,
    status      VARCHAR(16)              NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT billing_bill_inquiries_status CHECK (status IN ('ASKING', 'ANSWERED'))
);

CREATE INDEX billing_bill_inquiries_status ON billing_bill_inquiries (status, created_at);
