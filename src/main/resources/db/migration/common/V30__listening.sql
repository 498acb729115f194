-- Social listening (issue 20): public mentions of the bank, classified, and staff corrections.

-- One row per mention, unique by where it came from (source, source_id): an import sent twice
-- keeps its first id and classification. text_key is the SHA-256 of the normalised words of the
-- text, by which a staff correction of one text decides the classification of the same text
-- arriving again.
CREATE TABLE listening_mentions (
    id          UUID                     NOT NULL,
    source      VARCHAR(32)              NOT NULL,
    source_id   VARCHAR(128)             NOT NULL,
    body        VARCHAR(4000)            NOT NULL,
    text_key    VARCHAR(64)              NOT NULL,
    author      VARCHAR(128),
    customer_id UUID,
    language    VARCHAR(8)               NOT NULL,
    sentiment   VARCHAR(16)              NOT NULL,
    score_milli INTEGER                  NOT NULL,
    topic       VARCHAR(32)              NOT NULL,
    corrected   BOOLEAN                  NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    received_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_listening_mentions PRIMARY KEY (id),
    CONSTRAINT uq_listening_mentions_source UNIQUE (source, source_id),
    CONSTRAINT ck_listening_mentions_sentiment CHECK (sentiment IN ('negative', 'neutral', 'positive')),
    CONSTRAINT ck_listening_mentions_score CHECK (score_milli BETWEEN -1000 AND 1000)
);
CREATE INDEX listening_mentions_created ON listening_mentions (created_at);
CREATE INDEX listening_mentions_topic_created ON listening_mentions (topic, created_at);

-- What staff said a mention really is: append-only; the newest correction of a text_key wins.
CREATE TABLE listening_corrections (
    id           UUID                     NOT NULL,
    mention_id   UUID                     NOT NULL,
    text_key     VARCHAR(64)              NOT NULL,
    sentiment    VARCHAR(16),
    topic        VARCHAR(32),
    corrected_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_listening_corrections PRIMARY KEY (id),
    CONSTRAINT fk_listening_corrections_mention FOREIGN KEY (mention_id) REFERENCES listening_mentions (id),
    CONSTRAINT ck_listening_corrections_some CHECK (sentiment IS NOT NULL OR topic IS NOT NULL)
);
CREATE INDEX listening_corrections_key ON listening_corrections (text_key, corrected_at);
