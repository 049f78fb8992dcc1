-- The routing model (reps, teams, accounts, territories, rules), one row per version; the highest version is active.
-- A version is never changed in place, so every decision names the exact model that made it.
CREATE TABLE routing_model (
    version    INTEGER     PRIMARY KEY CHECK (version > 0),
    document   JSONB       NOT NULL,
    source     TEXT        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp()
);

-- Each team's distribution memory: who got its last lead and the smooth weighted round robin credits per rep.
-- Locked (SELECT ... FOR UPDATE) by the routing transaction of a lead for this team.
CREATE TABLE team_distribution (
    team_id     TEXT        PRIMARY KEY,
    last_rep_id TEXT,
    credits     JSONB       NOT NULL DEFAULT '{}'::jsonb,
    updated_at  TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp()
);

-- Each rep's load for capacity and least-loaded: open leads, and leads assigned on the rep's local calendar day.
CREATE TABLE rep_load (
    rep_id     TEXT        PRIMARY KEY,
    open_leads INTEGER     NOT NULL DEFAULT 0 CHECK (open_leads >= 0),
    day        DATE,
    day_count  INTEGER     NOT NULL DEFAULT 0 CHECK (day_count >= 0),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp()
);

-- The single global rotation is replaced by per-team state.
DROP TABLE round_robin_cursor;

-- What the decision API and the thank-you page need beyond V1: the owner's booking link, when a held lead's rep
-- becomes available, the model version and the full explanation (rules evaluated, candidates skipped, choice).
ALTER TABLE routing_decision
    ADD COLUMN owner_booking_link TEXT,
    ADD COLUMN held_until         TIMESTAMPTZ,
    ADD COLUMN model_version      INTEGER,
    ADD COLUMN explanation        JSONB;
