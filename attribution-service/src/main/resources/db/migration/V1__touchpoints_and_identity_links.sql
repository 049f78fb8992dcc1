-- Every touchpoint seen, once (the id is the touchpoint's id, or the capture's event id for a form submission).
-- A touchpoint belongs to a lead directly (lead_id) or, while the visitor is unknown, to an anonymous id only;
-- identity_link then decides at read time which lead an anonymous touchpoint belongs to.
CREATE TABLE touchpoint (
    touchpoint_id UUID        PRIMARY KEY,
    lead_id       UUID,
    anonymous_id  TEXT,
    type          TEXT        NOT NULL,
    url           TEXT,
    referrer      TEXT,
    campaign      TEXT,
    utm_source    TEXT,
    utm_medium    TEXT,
    utm_campaign  TEXT,
    utm_term      TEXT,
    utm_content   TEXT,
    occurred_at   TIMESTAMPTZ NOT NULL,
    recorded_at   TIMESTAMPTZ NOT NULL,
    CONSTRAINT touchpoint_has_an_owner CHECK (lead_id IS NOT NULL OR anonymous_id IS NOT NULL)
);
CREATE INDEX touchpoint_lead_id ON touchpoint (lead_id) WHERE lead_id IS NOT NULL;
CREATE INDEX touchpoint_anonymous_id ON touchpoint (anonymous_id) WHERE lead_id IS NULL;

-- Identity stitching: an anonymous id belongs to the first lead captured with it (a shared browser does not
-- move earlier visits to a later lead).
CREATE TABLE identity_link (
    anonymous_id TEXT        PRIMARY KEY,
    lead_id      UUID        NOT NULL,
    linked_at    TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX identity_link_lead_id ON identity_link (lead_id);
