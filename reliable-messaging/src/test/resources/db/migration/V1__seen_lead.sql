CREATE TABLE seen_lead (
    event_id UUID PRIMARY KEY,
    lead_id  UUID NOT NULL
);

-- What the batch test consumer saw, with the number of events its handler was given at once. No key: an event
-- processed twice shows as two rows.
CREATE TABLE seen_in_batch (
    event_id   UUID    NOT NULL,
    lead_id    UUID    NOT NULL,
    batch_size INTEGER NOT NULL
);
