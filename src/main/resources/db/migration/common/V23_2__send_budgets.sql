-- Security review #5 (SMS pumping): counters of the messages the bank sends, one row per budget
-- and window (a UTC day or hour), locked while counted so that every node shares the budget.
-- budget_key is 'customer:<id>', 'to:<SHA-256 of medium and destination>' (no number or address
-- in clear) or 'all:<medium>'. Rows of windows over two days old are deleted by a janitor.
CREATE TABLE send_budgets (
    budget_key              VARCHAR(100)             NOT NULL,
    window_start            TIMESTAMP WITH TIME ZONE NOT NULL,
    used                    INT                      NOT NULL,
    PRIMARY KEY (budget_key, window_start),
    CONSTRAINT send_budgets_used_not_negative CHECK (used >= 0)
);

CREATE INDEX send_budgets_window ON send_budgets (window_start);
