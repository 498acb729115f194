-- Auto-repayment of credit cards and the reminders about their statements (issue 16 s2).

-- One setting per credit card: OFF, or FULL / MINIMUM from a chosen account of the holder in the
-- card's currency, repaid on the statement's due date.
CREATE TABLE card_auto_repayments (
    card_id      UUID                     NOT NULL PRIMARY KEY REFERENCES cards (id),
    mode         VARCHAR(8)               NOT NULL,
    from_account UUID,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT card_auto_repayments_mode CHECK (mode IN ('OFF', 'FULL', 'MINIMUM')),
    CONSTRAINT card_auto_repayments_account CHECK (mode = 'OFF' OR from_account IS NOT NULL)
);

-- What the reminder job did about a statement, once per kind: the key is what keeps a reminder
-- (and the auto-repayment) to one, however often the job runs and on however many nodes. SENT is
-- false when there was nothing to say (paid already).
CREATE TABLE card_reminders (
    statement_id UUID                     NOT NULL REFERENCES card_statements (id),
    kind         VARCHAR(16)              NOT NULL,
    sent         BOOLEAN                  NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT card_reminders_key PRIMARY KEY (statement_id, kind),
    CONSTRAINT card_reminders_kind CHECK (kind IN ('DUE_SOON', 'AUTO_REPAYMENT', 'OVERDUE'))
);
