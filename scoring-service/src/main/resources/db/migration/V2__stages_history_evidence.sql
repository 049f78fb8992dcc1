-- Lifecycle stage and grade of each lead, the disposable-address flag fit rules can test, and what engagement rules
-- need from a touchpoint besides its type and URL (campaign, UTM parameters).
ALTER TABLE scored_lead
    ADD COLUMN disposable_email_domain BOOLEAN NOT NULL DEFAULT FALSE,
    ADD COLUMN stage                   TEXT,
    ADD COLUMN grade                   TEXT;
-- Leads scored before stages existed: a qualified lead is an MQL, any other captured lead a lead.
UPDATE scored_lead SET stage = CASE WHEN qualification_id IS NOT NULL THEN 'mql'
                                    WHEN last_captured_at IS NOT NULL THEN 'lead' END;

ALTER TABLE touchpoint
    ADD COLUMN campaign     TEXT,
    ADD COLUMN utm_source   TEXT,
    ADD COLUMN utm_medium   TEXT,
    ADD COLUMN utm_campaign TEXT,
    ADD COLUMN utm_term     TEXT,
    ADD COLUMN utm_content  TEXT;

-- Every published score of a lead, with its reasons: how the lead got where it is.
CREATE TABLE score_history (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    lead_id       UUID        NOT NULL,
    scored_at     TIMESTAMPTZ NOT NULL,
    model_version TEXT        NOT NULL,
    fit           INTEGER     NOT NULL,
    engagement    INTEGER     NOT NULL,
    total         INTEGER     NOT NULL,
    threshold     INTEGER     NOT NULL,
    grade         TEXT        NOT NULL,
    stage         TEXT,
    reasons       JSONB       NOT NULL
);
CREATE INDEX score_history_lead ON score_history (lead_id, id);
