-- Handoff to people (issue 19): who owns each conversation, the cases agents work on, their
-- transcript, the agents and their teams, supervisor keywords and ratings. Portable H2/PostgreSQL.

-- One row per chat account that ever had a case, or wrote on a channel with a reply window:
-- open_case_id is the case that owns the conversation now (NULL: the bot). The engine locks this
-- row (FOR UPDATE) after the conversation's row; staff actions lock it too, so an owner change and
-- a customer's message are one after the other.
CREATE TABLE handoff_owners (
    identity_id      UUID                     NOT NULL,
    open_case_id     UUID,
    unsure_streak    INTEGER                  NOT NULL,
    last_customer_at TIMESTAMP WITH TIME ZONE,
    CONSTRAINT pk_handoff_owners PRIMARY KEY (identity_id)
);

-- One handoff, from the queue to its close. status: QUEUED, ASSIGNED, SNOOZED, RESOLVED, HANDED_BACK.
-- priority: 1 for fraud, 0 else; queued_at orders a queue (a transfer to a team keeps it).
CREATE TABLE handoff_cases (
    id                UUID                     NOT NULL,
    identity_id       UUID                     NOT NULL,
    channel           VARCHAR(16)              NOT NULL,
    recipient         VARCHAR(128)             NOT NULL,
    team              VARCHAR(32)              NOT NULL,
    language          VARCHAR(8)               NOT NULL,
    priority          INTEGER                  NOT NULL,
    reason            VARCHAR(32)              NOT NULL,
    status            VARCHAR(16)              NOT NULL,
    agent_id          VARCHAR(64),
    queued_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    assigned_at       TIMESTAMP WITH TIME ZONE,
    first_response_at TIMESTAMP WITH TIME ZONE,
    snoozed_until     TIMESTAMP WITH TIME ZONE,
    closed_at         TIMESTAMP WITH TIME ZONE,
    csat              INTEGER,
    rated_at          TIMESTAMP WITH TIME ZONE,
    CONSTRAINT pk_handoff_cases PRIMARY KEY (id),
    CONSTRAINT ck_handoff_cases_csat CHECK (csat IS NULL OR csat BETWEEN 1 AND 5)
);
CREATE INDEX handoff_cases_queue ON handoff_cases (status, team, language, priority, queued_at);
CREATE INDEX handoff_cases_agent ON handoff_cases (agent_id, status);
CREATE INDEX handoff_cases_identity ON handoff_cases (identity_id, queued_at);

-- What was said in a case: the customer's messages (a secret masked), the agents' replies (by
-- their client id, once), private notes and the bank's notices. Append-only.
CREATE TABLE handoff_transcript (
    id          UUID                     NOT NULL,
    case_id     UUID                     NOT NULL,
    seq         BIGINT                   NOT NULL,
    author      VARCHAR(16)              NOT NULL,
    agent_id    VARCHAR(64),
    client_id   VARCHAR(64),
    body        VARCHAR(4096)            NOT NULL,
    outbox_id   UUID,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_handoff_transcript PRIMARY KEY (id),
    CONSTRAINT uq_handoff_transcript_seq UNIQUE (case_id, seq),
    CONSTRAINT uq_handoff_transcript_client UNIQUE (agent_id, client_id),
    CONSTRAINT fk_handoff_transcript_case FOREIGN KEY (case_id) REFERENCES handoff_cases (id)
);

CREATE TABLE handoff_agents (
    agent_id         VARCHAR(64)              NOT NULL,
    display_name     VARCHAR(64)              NOT NULL,
    capacity         INTEGER                  NOT NULL,
    available        BOOLEAN                  NOT NULL,
    last_assigned_at TIMESTAMP WITH TIME ZONE,
    CONSTRAINT pk_handoff_agents PRIMARY KEY (agent_id),
    CONSTRAINT ck_handoff_agents_capacity CHECK (capacity BETWEEN 0 AND 50)
);

-- An agent serves the queues (team, language) of every team and language they are listed with.
CREATE TABLE handoff_agent_teams (
    agent_id VARCHAR(64) NOT NULL,
    team     VARCHAR(32) NOT NULL,
    CONSTRAINT pk_handoff_agent_teams PRIMARY KEY (agent_id, team),
    CONSTRAINT fk_handoff_agent_teams_agent FOREIGN KEY (agent_id) REFERENCES handoff_agents (agent_id)
);

CREATE TABLE handoff_agent_languages (
    agent_id VARCHAR(64) NOT NULL,
    language VARCHAR(8)  NOT NULL,
    CONSTRAINT pk_handoff_agent_languages PRIMARY KEY (agent_id, language),
    CONSTRAINT fk_handoff_agent_languages_agent FOREIGN KEY (agent_id) REFERENCES handoff_agents (agent_id)
);

-- Words a supervisor set: a customer's text containing one goes to a person, in this team.
CREATE TABLE handoff_keywords (
    keyword    VARCHAR(64)              NOT NULL,
    team       VARCHAR(32)              NOT NULL,
    priority   INTEGER                  NOT NULL,
    set_by     VARCHAR(64)              NOT NULL,
    set_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_handoff_keywords PRIMARY KEY (keyword)
);

CREATE TABLE handoff_labels (
    case_id UUID        NOT NULL,
    label   VARCHAR(32) NOT NULL,
    CONSTRAINT pk_handoff_labels PRIMARY KEY (case_id, label),
    CONSTRAINT fk_handoff_labels_case FOREIGN KEY (case_id) REFERENCES handoff_cases (id)
);
