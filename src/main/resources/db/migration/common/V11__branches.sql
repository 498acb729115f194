-- The bank's branches and ATMs, for "where is the nearest branch" in chat.
CREATE TABLE branches (
    id       VARCHAR(32)      NOT NULL PRIMARY KEY,
    name     VARCHAR(120)     NOT NULL,
    address  VARCHAR(200)     NOT NULL,
    city     VARCHAR(80)      NOT NULL,
    lat      DOUBLE PRECISION NOT NULL,
    lon      DOUBLE PRECISION NOT NULL,
    hours    VARCHAR(120)     NOT NULL,
    atm_only BOOLEAN          NOT NULL
);
CREATE INDEX branches_lat_lon ON branches (lat, lon);
