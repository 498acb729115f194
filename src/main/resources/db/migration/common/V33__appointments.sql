-- Branch appointments (issue 16, section 5): what each branch books and when, one counter row
-- per (branch, slot start) that a guarded UPDATE fills, and the appointments themselves.
CREATE TABLE branch_schedules (
    branch_id     VARCHAR(32) NOT NULL PRIMARY KEY,
    zone          VARCHAR(64) NOT NULL,
    slot_minutes  INT         NOT NULL CHECK (slot_minutes BETWEEN 5 AND 240),
    slot_capacity INT         NOT NULL CHECK (slot_capacity BETWEEN 1 AND 100)
);

CREATE TABLE branch_services (
    branch_id VARCHAR(32) NOT NULL,
    service   VARCHAR(32) NOT NULL,
    PRIMARY KEY (branch_id, service)
);

-- day_of_week: 1 Monday .. 7 Sunday (ISO); a day without a row is closed
CREATE TABLE branch_hours (
    branch_id   VARCHAR(32) NOT NULL,
    day_of_week INT         NOT NULL CHECK (day_of_week BETWEEN 1 AND 7),
    opens       TIME        NOT NULL,
    closes      TIME        NOT NULL,
    PRIMARY KEY (branch_id, day_of_week),
    CHECK (opens < closes)
);

-- The places of one slot: booked never passes capacity, by the guarded UPDATE and by this CHECK.
CREATE TABLE slot_counters (
    branch_id  VARCHAR(32)              NOT NULL,
    slot_start TIMESTAMP WITH TIME ZONE NOT NULL,
    capacity   INT                      NOT NULL CHECK (capacity >= 1),
    booked     INT                      NOT NULL CHECK (booked >= 0),
    PRIMARY KEY (branch_id, slot_start),
    CHECK (booked <= capacity)
);

CREATE TABLE appointments (
    id             UUID                     NOT NULL PRIMARY KEY,
    customer_id    UUID                     NOT NULL,
    branch_id      VARCHAR(32)              NOT NULL,
    slot_start     TIMESTAMP WITH TIME ZONE NOT NULL,
    service        VARCHAR(32),
    code           VARCHAR(8)               NOT NULL UNIQUE,
    status         VARCHAR(16)              NOT NULL CHECK (status = 'booked' OR status = 'cancelled'),
    fingerprint    VARCHAR(200)             NOT NULL,
    channel        VARCHAR(16)              NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    reminded_at    TIMESTAMP WITH TIME ZONE
);
CREATE INDEX appointments_by_start ON appointments (slot_start, status);
CREATE INDEX appointments_by_customer ON appointments (customer_id, slot_start);
