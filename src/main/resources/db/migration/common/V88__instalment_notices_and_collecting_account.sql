-- Applications (review 2026-12-07, follow-up): a missed instalment's reason is told at most once
-- per instalment and reason, whatever the order the reasons come in (not enough money -> frozen ->
-- not enough money tells each once). Written under the instalment's row lock; the key keeps it once.
CREATE TABLE loan_instalment_notices (
    loan_id       UUID                     NOT NULL,
    instalment_no INTEGER                  NOT NULL,
    reason        VARCHAR(64)              NOT NULL,
    told_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (loan_id, instalment_no, reason),
    CONSTRAINT loan_instalment_notices_instalment FOREIGN KEY (loan_id, instalment_no)
        REFERENCES loan_instalments (loan_id, instalment_no)
);
-- what was told so far is not told again
INSERT INTO loan_instalment_notices (loan_id, instalment_no, reason, told_at)
    SELECT loan_id, instalment_no, missed_reason, CURRENT_TIMESTAMP FROM loan_instalments
    WHERE missed_reason IS NOT NULL;

-- a refusal on the bank's side (its loan or income account) is recorded as bank_<code>: for staff
ALTER TABLE loan_instalments ALTER COLUMN missed_reason SET DATA TYPE VARCHAR(64);

-- the account instalments are collected from when it is no longer the payout account: staff retried
-- an instalment held on her closed account, and she had a new primary account in the loan's currency
ALTER TABLE loans ADD COLUMN collect_account_id UUID;
