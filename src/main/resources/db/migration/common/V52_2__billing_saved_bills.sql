-- Issue 15 s1: saved bills ("save this bill as home water") and the reminders sent before their
-- due dates, one per saved bill and period (the pair's payment id), so a reminder is sent once.
CREATE TABLE billing_saved_bills (
    id          UUID                     NOT NULL PRIMARY KEY,
    customer_id UUID                     NOT NULL,
    name        VARCHAR(40)              NOT NULL,
    bill_id     VARCHAR(13)              NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT billing_saved_bills_name UNIQUE (customer_id, name)
);

CREATE TABLE billing_bill_reminders (
    saved_bill_id UUID                     NOT NULL,
    payment_id    VARCHAR(13)              NOT NULL,
    due_date      DATE                     NOT NULL,
    reminded_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_billing_bill_reminders PRIMARY KEY (saved_bill_id, payment_id)
);
