-- Who stored each routing model version through the management API (the token's subject) and what changed, in a
-- few words (e.g. "put rep dave", "delete team emea"). Null for the seed (version 1) and versions stored before this column.
ALTER TABLE routing_model
    ADD COLUMN changed_by TEXT,
    ADD COLUMN summary    TEXT;
