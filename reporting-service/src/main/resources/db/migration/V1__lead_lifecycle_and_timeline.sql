-- One row per lead: when it reached each lifecycle stage (the earliest instant any event reported),
-- its latest score and its current owner. Every column but the key is filled in as events arrive, in any order.
CREATE TABLE lead_lifecycle (
    lead_id                 UUID PRIMARY KEY,
    captured_at             TIMESTAMPTZ,
    scored_at               TIMESTAMPTZ,
    latest_score_total      INTEGER,
    latest_score_fit        INTEGER,
    latest_score_engagement INTEGER,
    latest_scored_at        TIMESTAMPTZ,
    qualified_at            TIMESTAMPTZ,
    routed_at               TIMESTAMPTZ,
    owner_id                TEXT,
    owner_name              TEXT,
    owner_type              TEXT,
    owner_routed_at         TIMESTAMPTZ,
    contacted_at            TIMESTAMPTZ,
    sla_breached_at         TIMESTAMPTZ
);
-- The funnel selects its cohort by capture time.
CREATE INDEX lead_lifecycle_captured_at ON lead_lifecycle (captured_at);

-- Every projected event of a lead, with a short summary free of personal data.
CREATE TABLE timeline_event (
    event_id    UUID PRIMARY KEY,
    lead_id     UUID        NOT NULL,
    event_type  TEXT        NOT NULL,
    occurred_at TIMESTAMPTZ NOT NULL,
    summary     TEXT        NOT NULL,
    recorded_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX timeline_event_lead_occurred ON timeline_event (lead_id, occurred_at);
