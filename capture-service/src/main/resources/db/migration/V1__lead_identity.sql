-- One row per normalised email: the identity that gives a returning lead its first leadId again.
-- The primary key on email makes concurrent first submissions of one address agree on a single leadId.
CREATE TABLE lead_identity (
    email             TEXT        PRIMARY KEY,
    lead_id           UUID        NOT NULL UNIQUE,
    first_captured_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
    last_captured_at  TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
    submissions       BIGINT      NOT NULL DEFAULT 1
);
