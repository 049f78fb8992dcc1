-- Webhook delivery to CRMs (issue 7 item 6): the endpoints, one delivery per (endpoint, event), and every attempt.

CREATE TABLE webhook_endpoint (
    id          UUID PRIMARY KEY,
    url         TEXT        NOT NULL,
    -- JSON array of CloudEvents types, e.g. ["lead.routed"]
    event_types JSONB       NOT NULL,
    active      BOOLEAN     NOT NULL,
    -- The HMAC key (whsec_<base64>): needed in clear to sign, so it is never returned after creation.
    secret      TEXT        NOT NULL,
    description TEXT,
    created_at  TIMESTAMPTZ NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL
);

-- status: pending (due at next_attempt_at; a claimed delivery's next_attempt_at is pushed past the claim's lease,
-- so one whose dispatcher died is claimed again), delivered, failed (not retryable), dead (retries exhausted).
CREATE TABLE webhook_delivery (
    id               UUID PRIMARY KEY,
    endpoint_id      UUID        NOT NULL REFERENCES webhook_endpoint (id) ON DELETE CASCADE,
    event_id         UUID        NOT NULL,
    event_type       TEXT        NOT NULL,
    event_source     TEXT        NOT NULL,
    event_time       TIMESTAMPTZ NOT NULL,
    lead_id          UUID,
    -- The event JSON exactly as it was on Kafka: the request body.
    payload          TEXT        NOT NULL,
    status           TEXT        NOT NULL CHECK (status IN ('pending', 'delivered', 'failed', 'dead')),
    -- Attempts since creation or the last redelivery: what counts against the maximum.
    attempts         INT         NOT NULL DEFAULT 0,
    next_attempt_at  TIMESTAMPTZ,
    last_error       TEXT,
    created_at       TIMESTAMPTZ NOT NULL,
    finished_at      TIMESTAMPTZ,
    UNIQUE (endpoint_id, event_id)
);
CREATE INDEX webhook_delivery_due ON webhook_delivery (next_attempt_at) WHERE status = 'pending';
CREATE INDEX webhook_delivery_by_endpoint ON webhook_delivery (endpoint_id, created_at DESC);

CREATE TABLE webhook_attempt (
    delivery_id  UUID        NOT NULL REFERENCES webhook_delivery (id) ON DELETE CASCADE,
    attempt      INT         NOT NULL,
    attempted_at TIMESTAMPTZ NOT NULL,
    http_status  INT,
    latency_ms   BIGINT      NOT NULL,
    error        TEXT,
    -- delivered, retried, failed, dead
    outcome      TEXT        NOT NULL,
    PRIMARY KEY (delivery_id, attempt)
);
