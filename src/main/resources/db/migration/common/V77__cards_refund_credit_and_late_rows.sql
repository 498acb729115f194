-- Review 2026-12-07 money #2: a merchant's refund may leave a credit card in credit (a credit
-- balance the next purchases and statement use up), so its ledger account drops the flag
-- credits_must_not_exceed_debits; the cards module alone keeps repayments and statement credits
-- within what the card owes, under the card's row lock. Only the flag goes (2 -> 0): every balance
-- stays as it is, and the CHECK constraints keep holding.
UPDATE accounts SET flags = 0 WHERE kind = 'credit_card' AND flags = 2;

-- Review 2026-12-07 money #5: a card transaction delivered after its statement was written is
-- carried into the next one. statement_date is the statement that counted the row (NULL until
-- one did); a statement counts the booked rows no earlier statement counted, up to its date.
ALTER TABLE card_transactions ADD COLUMN statement_date DATE;

-- The rows counted so far: the first statement on or after the row's day, if it was written after
-- the row was booked. A row booked after that statement was written was never counted (the defect):
-- it stays NULL, and the next statement carries it.
UPDATE card_transactions t SET statement_date = (
        SELECT MIN(s.statement_date) FROM card_statements s
        WHERE s.card_id = t.card_id AND s.statement_date >= t.occurred_on)
    WHERE t.status = 'BOOKED'
      AND (SELECT s.created_at FROM card_statements s
           WHERE s.card_id = t.card_id AND s.statement_date = (
               SELECT MIN(s2.statement_date) FROM card_statements s2
               WHERE s2.card_id = t.card_id AND s2.statement_date >= t.occurred_on)) >= t.created_at;

CREATE INDEX card_transactions_unstated ON card_transactions (card_id, statement_date);
