-- Every accepted scoring model, never changed once written. The active model is the highest version. The document is
-- kept as it was given (YAML or JSON, comments included); label is the document's own `version` text.
CREATE TABLE scoring_model (
    version    INTEGER PRIMARY KEY,
    document   TEXT        NOT NULL,
    format     TEXT        NOT NULL CHECK (format IN ('yaml', 'json')),
    label      TEXT        NOT NULL,
    source     TEXT        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    created_by TEXT
);

-- Re-scoring leads without a new event, page by page: every lead after a model change (trigger 'model'), or the leads
-- whose score has points that fade with time (trigger 'decay', scored as of as_of). last_lead_id is the cursor (leads
-- in lead_id order), so any instance can continue a job another one started, and a restart resumes it.
CREATE TABLE rescore_job (
    id            UUID PRIMARY KEY,
    trigger       TEXT        NOT NULL CHECK (trigger IN ('model', 'decay')),
    as_of         TIMESTAMPTZ,
    model_version INTEGER     NOT NULL REFERENCES scoring_model (version),
    status        TEXT        NOT NULL CHECK (status IN ('running', 'finished', 'superseded')),
    total         INTEGER     NOT NULL,
    done          INTEGER     NOT NULL DEFAULT 0,
    changed       INTEGER     NOT NULL DEFAULT 0,
    qualified     INTEGER     NOT NULL DEFAULT 0,
    last_lead_id  UUID,
    started_at    TIMESTAMPTZ NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL,
    finished_at   TIMESTAMPTZ
);
CREATE INDEX rescore_job_running ON rescore_job (model_version) WHERE status = 'running';
CREATE INDEX rescore_job_started ON rescore_job (started_at);
-- At most one decay run at a time, however many instances schedule one.
CREATE UNIQUE INDEX rescore_job_one_decay_run ON rescore_job (trigger) WHERE trigger = 'decay' AND status = 'running';

-- The profile's region (ISO 3166-2 subdivision) and postal code, carried on into lead.qualified for routing.
ALTER TABLE scored_lead
    ADD COLUMN region      TEXT,
    ADD COLUMN postal_code TEXT;

-- The preview reads the most recently captured leads.
CREATE INDEX scored_lead_last_captured ON scored_lead (last_captured_at DESC) WHERE last_captured_at IS NOT NULL;
