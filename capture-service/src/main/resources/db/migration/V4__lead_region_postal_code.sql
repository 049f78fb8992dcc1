-- Region (ISO 3166-2 subdivision code without the country prefix) and postal code, which routing territories read.
-- Personal data like the other profile columns: the erasure workflow clears them too.
ALTER TABLE lead_identity
    ADD COLUMN region      TEXT,
    ADD COLUMN postal_code TEXT;
