-- Every routing decision, kept as the audit trail behind GET /api/v1/routing/decisions/{leadId}.
-- id is also the eventId of the lead.routed event published with it.
CREATE TABLE routing_decision (
    id               UUID        PRIMARY KEY,
    lead_id          UUID        NOT NULL,
    -- A qualification is routed at most once, ever; a new qualification of the same lead is routed again.
    qualification_id UUID        NOT NULL UNIQUE,
    owner_id         TEXT        NOT NULL,
    owner_name       TEXT        NOT NULL,
    owner_type       TEXT        NOT NULL CHECK (owner_type IN ('rep', 'queue')),
    rule_id          TEXT        NOT NULL,
    reason           TEXT        NOT NULL,
    candidates       TEXT[]      NOT NULL,
    score            INTEGER     NOT NULL,
    captured_at      TIMESTAMPTZ NOT NULL,
    qualified_at     TIMESTAMPTZ NOT NULL,
    routed_at        TIMESTAMPTZ NOT NULL,
    sla_due_at       TIMESTAMPTZ NOT NULL
);
CREATE INDEX routing_decision_lead ON routing_decision (lead_id, routed_at);

-- The round-robin cursor: who got the last lead. Locked (SELECT ... FOR UPDATE) by each routing transaction, so
-- instances consuming in parallel take turns one at a time and the rotation survives restarts.
CREATE TABLE round_robin_cursor (
    rotation    TEXT        PRIMARY KEY,
    last_rep_id TEXT,
    updated_at  TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp()
);
INSERT INTO round_robin_cursor (rotation) VALUES ('default');
