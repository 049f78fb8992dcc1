CREATE TABLE seen_lead (
    event_id UUID PRIMARY KEY,
    lead_id  UUID NOT NULL
);
