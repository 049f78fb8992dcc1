-- The lead.qualified event each decision routed, so a decision can be re-run on the same input: the simulation of a
-- draft model over recent leads, and the reassignment of a lead whose first-contact SLA was missed. Null for
-- decisions made before this column.
ALTER TABLE routing_decision ADD COLUMN qualified_lead JSONB;
