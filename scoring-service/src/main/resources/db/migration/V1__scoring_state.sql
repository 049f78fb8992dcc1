-- Per-lead scoring state. A row exists once anything is known about the lead: its capture (profile columns,
-- captured_at) or a touchpoint that arrived first (profile columns null, captured_at null).
CREATE TABLE scored_lead (
    lead_id              UUID PRIMARY KEY,
    email                TEXT,
    first_name           TEXT,
    last_name            TEXT,
    company              TEXT,
    job_title            TEXT,
    phone                TEXT,
    country              TEXT,
    company_size         TEXT,
    industry             TEXT,
    free_mail_domain     BOOLEAN     NOT NULL DEFAULT FALSE,
    form_id              TEXT,
    page_url             TEXT,
    referrer             TEXT,
    utm_source           TEXT,
    utm_medium           TEXT,
    utm_campaign         TEXT,
    utm_term             TEXT,
    utm_content          TEXT,
    first_captured_at    TIMESTAMPTZ,
    last_captured_at     TIMESTAMPTZ,
    model_version        TEXT,
    fit                  INTEGER,
    engagement           INTEGER,
    total                INTEGER,
    threshold            INTEGER,
    reasons              JSONB,
    scored_at            TIMESTAMPTZ,
    qualification_id     UUID,
    qualified_at         TIMESTAMPTZ,
    CONSTRAINT scored_lead_qualified_once CHECK ((qualification_id IS NULL) = (qualified_at IS NULL))
);

-- Touchpoints of known leads, and of anonymous visitors until a capture names their lead.
CREATE TABLE touchpoint (
    touchpoint_id UUID PRIMARY KEY,
    lead_id       UUID,
    anonymous_id  TEXT,
    type          TEXT        NOT NULL,
    url           TEXT,
    occurred_at   TIMESTAMPTZ NOT NULL,
    CONSTRAINT touchpoint_has_owner CHECK (lead_id IS NOT NULL OR anonymous_id IS NOT NULL)
);
CREATE INDEX touchpoint_lead ON touchpoint (lead_id, occurred_at);
CREATE INDEX touchpoint_unattached ON touchpoint (anonymous_id) WHERE lead_id IS NULL;

-- Which lead an anonymous visitor turned out to be. Its row is also the lock that orders an anonymous touchpoint
-- against the capture that names the visitor, so neither misses the other.
CREATE TABLE anonymous_visitor (
    anonymous_id TEXT PRIMARY KEY,
    lead_id      UUID
);
