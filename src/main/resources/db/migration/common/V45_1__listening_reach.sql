-- The reach of a mention's author (issue 20 s1): followers on X, or what an import says; NULL
-- when the source does not give it.
ALTER TABLE listening_mentions ADD COLUMN reach BIGINT;
