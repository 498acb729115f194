-- Second-factor budget per customer (security review #6): every code sent and every wrong code
-- typed, whatever link or step-up it belonged to, counted over a sliding window on every node.
CREATE TABLE second_factor_events (
    id          UUID                     NOT NULL PRIMARY KEY,
    customer_id UUID                     NOT NULL REFERENCES customers (id),
    kind        VARCHAR(8)               NOT NULL,
    at          TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT second_factor_events_kind_known CHECK (kind IN ('sent', 'wrong'))
);

CREATE INDEX second_factor_events_customer ON second_factor_events (customer_id, kind, at);
CREATE INDEX second_factor_events_at ON second_factor_events (at);

-- One row per customer who ever got a code: locked while the budget is counted (so concurrent
-- links count one after the other), and the lockout once the budget is spent.
CREATE TABLE second_factor_holds (
    customer_id  UUID                     NOT NULL PRIMARY KEY REFERENCES customers (id),
    locked_until TIMESTAMP WITH TIME ZONE,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
