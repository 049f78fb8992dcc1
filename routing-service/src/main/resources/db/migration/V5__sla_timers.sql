-- First-contact SLA timers: one per routing decision to a rep, persisted in the routing transaction so they survive
-- restarts. The checker claims due open timers with SELECT ... FOR UPDATE SKIP LOCKED, so several routing instances
-- never handle one twice. Rows are kept after they end: they are the SLA part of the routing audit.
CREATE TABLE sla_timer (
    -- The routing decision (and lead.routed event) whose owner must make first contact.
    decision_id       UUID        PRIMARY KEY REFERENCES routing_decision (id),
    lead_id           UUID        NOT NULL,
    qualification_id  UUID        NOT NULL,
    reassignments     INTEGER     NOT NULL CHECK (reassignments >= 0),
    owner_id          TEXT        NOT NULL,
    rule_id           TEXT        NOT NULL,
    -- When the SLA started counting (routedAt, or when a held lead's rep becomes available) and when it is due, in
    -- the owner's business time.
    started_at        TIMESTAMPTZ NOT NULL,
    due_at            TIMESTAMPTZ NOT NULL,
    status            TEXT        NOT NULL DEFAULT 'open'
                                  CHECK (status IN ('open', 'contacted', 'breached', 'closed')),
    breached_at       TIMESTAMPTZ,
    -- What the breach triggered (lead.sla-breached's escalation), the manager it named and the new owner.
    escalation        TEXT,
    notified_manager  TEXT,
    reassigned_to     TEXT,
    -- First contact, in time (status contacted) or late (after a breach: status stays breached).
    contacted_at      TIMESTAMPTZ,
    contacted_by      TEXT,
    -- An outcome (lead.disqualified, opportunity.*) ended the assignment before first contact was recorded.
    closed_at         TIMESTAMPTZ,
    closed_by         TEXT,
    created_at        TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX sla_timer_open_due ON sla_timer (due_at) WHERE status = 'open';
CREATE INDEX sla_timer_lead ON sla_timer (lead_id, reassignments);

-- A missed SLA can reassign a qualification: each assignment is (qualification_id, reassignments), and
-- reassignments = 0 is still the one first routing of a qualification.
ALTER TABLE routing_decision
    ADD COLUMN reassignments     INTEGER NOT NULL DEFAULT 0 CHECK (reassignments >= 0),
    ADD COLUMN previous_owner_id TEXT,
    -- When the assignment stopped counting in the owner's rep_load.open_leads (a CRM outcome, or a reassignment),
    -- and what released it: set once, so the counter moves exactly once per assignment.
    ADD COLUMN released_at       TIMESTAMPTZ,
    ADD COLUMN released_by       TEXT;
ALTER TABLE routing_decision DROP CONSTRAINT routing_decision_qualification_id_key;
ALTER TABLE routing_decision
    ADD CONSTRAINT routing_decision_assignment UNIQUE (qualification_id, reassignments);
