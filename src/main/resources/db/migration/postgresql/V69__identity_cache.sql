-- H2 only (its sequences flush by writing the store: h2/V69). PostgreSQL's sequences are written
-- to the WAL, not by a commit of their own, and a per-session cache there would hand out seq
-- values far out of their commit order, so PostgreSQL keeps its default.
SELECT 1;
