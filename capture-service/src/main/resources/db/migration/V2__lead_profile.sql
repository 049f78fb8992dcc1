-- Progressive profiling: the lead's profile merged over all its submissions (a later submission adds or updates
-- fields, never erases one with an empty value), and its latest marketing consent decision with the version of
-- the consent text and the time it was given, as proof of consent. Null = never stated.
ALTER TABLE lead_identity
    ADD COLUMN first_name           TEXT,
    ADD COLUMN last_name            TEXT,
    ADD COLUMN company              TEXT,
    ADD COLUMN job_title            TEXT,
    ADD COLUMN phone                TEXT,
    ADD COLUMN country              TEXT,
    ADD COLUMN company_size         TEXT,
    ADD COLUMN industry             TEXT,
    ADD COLUMN consent_marketing    BOOLEAN,
    ADD COLUMN consent_text_version TEXT,
    ADD COLUMN consented_at         TIMESTAMPTZ;
