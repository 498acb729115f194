-- The day the card bureau sent a card to its holder (issue 18: "where is my card?" answers with
-- it in the holder's private chat). Null until the bank records it from the bureau's dispatch file.
ALTER TABLE cards ADD COLUMN dispatched_on DATE;
