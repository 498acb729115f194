-- Issue 20 s2: staff name the listening topics and merge one into another. A row per topic staff
-- touched: the name they gave it (shown instead of the built-in one) and the topic it was merged
-- into (new mentions of the merged topic are filed under the other; its old mentions were moved).
CREATE TABLE listening_topics (
    topic       VARCHAR(32)              NOT NULL,
    name        VARCHAR(60),
    merged_into VARCHAR(32),
    changed_by  VARCHAR(64)              NOT NULL,
    changed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_listening_topics PRIMARY KEY (topic),
    CONSTRAINT ck_listening_topics_not_self CHECK (merged_into IS NULL OR merged_into <> topic)
);
