-- Review 2026-12-07 money #2: a merchant's refund may leave a credit card in credit (a credit
-- balance the next purchases and statement use up), so its ledger account drops the flag
-- credits_must_not_exceed_debits; the cards module alone keeps repayments and statement credits
-- within what the card owes, under the card's row lock. Only the flag goes (2 -> 0): every balance
-- stays as it is, and the CHECK constraints keep holding.
UPDATE accounts SET flags = 0 WHERE kind = 'credit_card' AND flags = 2;
