-- Social care on listening (issue 20 s3): cases made from mentions, their notes and public
-- replies, and spike alerts raised once each.

-- One case per mention: a second "open case" on the same mention finds the first.
CREATE TABLE listening_cases (
    id UUID PRIMARY KEY,
    mention_id UUID NOT NULL REFERENCES listening_mentions (id),
    -- public_mention (reply within minutes) or complaint (business days)
    kind VARCHAR(32) NOT NULL,
    team VARCHAR(64) NOT NULL,
    -- the console user name of the owner, none until someone takes it
    owner VARCHAR(64),
    -- open, answered, closed
    status VARCHAR(16) NOT NULL,
    deadline_at TIMESTAMP WITH TIME ZONE NOT NULL,
    opened_by VARCHAR(64) NOT NULL,
    opened_at TIMESTAMP WITH TIME ZONE NOT NULL,
    answered_at TIMESTAMP WITH TIME ZONE,
    closed_at TIMESTAMP WITH TIME ZONE,
    CONSTRAINT listening_cases_mention UNIQUE (mention_id)
);

CREATE INDEX listening_cases_status ON listening_cases (status, deadline_at);

CREATE TABLE listening_case_notes (
    id UUID PRIMARY KEY,
    case_id UUID NOT NULL REFERENCES listening_cases (id),
    author VARCHAR(64) NOT NULL,
    body VARCHAR(2000) NOT NULL,
    written_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX listening_case_notes_case ON listening_case_notes (case_id, written_at);

-- A public reply as written by staff: queued (written to the conversation outbox for the
-- source's sender) or to_post (no sender for this source: someone posts it by hand).
CREATE TABLE listening_case_replies (
    id UUID PRIMARY KEY,
    case_id UUID NOT NULL REFERENCES listening_cases (id),
    author VARCHAR(64) NOT NULL,
    body VARCHAR(1000) NOT NULL,
    state VARCHAR(16) NOT NULL,
    written_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX listening_case_replies_case ON listening_case_replies (case_id, written_at);

-- A spike alert, raised once per topic, kind and window-length bucket (UNIQUE: two nodes
-- scanning at once raise it once), delivered to the console and the staff chat.
CREATE TABLE listening_spike_alerts (
    id UUID PRIMARY KEY,
    topic VARCHAR(32) NOT NULL,
    kind VARCHAR(16) NOT NULL,
    bucket_start TIMESTAMP WITH TIME ZONE NOT NULL,
    window_start TIMESTAMP WITH TIME ZONE NOT NULL,
    window_end TIMESTAMP WITH TIME ZONE NOT NULL,
    mention_count INT NOT NULL,
    baseline_milli BIGINT NOT NULL,
    severity INT NOT NULL,
    -- the rising words, space-separated
    words VARCHAR(1000) NOT NULL,
    -- up to three example mentions, one a line: mention id, tab, source, tab, text (no newlines)
    examples VARCHAR(13000) NOT NULL,
    raised_at TIMESTAMP WITH TIME ZONE NOT NULL,
    acknowledged_at TIMESTAMP WITH TIME ZONE,
    acknowledged_by VARCHAR(64),
    CONSTRAINT listening_spike_alerts_once UNIQUE (topic, kind, bucket_start)
);

CREATE INDEX listening_spike_alerts_raised ON listening_spike_alerts (topic, kind, raised_at);
