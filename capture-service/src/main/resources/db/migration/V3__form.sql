-- The form registry: one row per form with its settings as the normalised JSON document the management API shows
-- (allowed origins, required fields, redirect targets, honeypot, minimum fill time, consent text version, hidden
-- defaults). version counts the changes of a form: 1 when created, +1 per replacement.
CREATE TABLE form_definition (
    form_id    TEXT        PRIMARY KEY,
    definition JSONB       NOT NULL,
    version    BIGINT      NOT NULL DEFAULT 1,
    created_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp()
);
