-- The walking skeleton's one-row-per-user table is replaced by the full model. It never held
-- data outside tests (the skeleton had no way to write it), so it is dropped, not migrated.
DROP TABLE streak;

-- Per user: the zone days are counted in, the social-media choice, and which streak is current.
CREATE TABLE streak_user (
    user_id                    TEXT PRIMARY KEY,
    time_zone                  TEXT        NOT NULL,
    social_media_check_breaks  BOOLEAN     NOT NULL DEFAULT FALSE,
    current_streak_id          UUID,
    updated_at                 TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Every streak, past and current. start_date is the local start date, fixed when the streak
-- begins (a later zone change does not move it). days and ended_* are set when it ends.
-- next_milestone_* is the next milestone not yet emitted; NULL once the streak has ended.
CREATE TABLE streak (
    id                   UUID        PRIMARY KEY,
    user_id              TEXT        NOT NULL,
    started_at           TIMESTAMPTZ NOT NULL,
    start_date           DATE        NOT NULL,
    ended_at             TIMESTAMPTZ,
    days                 INTEGER,
    end_reason           TEXT,
    ended_by_contact_id  UUID,
    ended_by_kind        TEXT,
    next_milestone_day   INTEGER,
    next_milestone_at    TIMESTAMPTZ,
    created_at           TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT streak_end_reason CHECK (end_reason IN ('CONTACT', 'RESTARTED'))
);
CREATE INDEX streak_by_user ON streak (user_id, started_at);
-- the milestone job's claim query: only current streaks with a milestone to come
CREATE INDEX streak_milestone_due ON streak (next_milestone_at) WHERE ended_at IS NULL;

CREATE TABLE contact (
    id            UUID        PRIMARY KEY,
    user_id       TEXT        NOT NULL,
    kind          TEXT        NOT NULL,
    occurred_at   TIMESTAMPTZ NOT NULL,
    broke_streak  BOOLEAN     NOT NULL,
    note          TEXT,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX contact_by_user ON contact (user_id, occurred_at);

CREATE TABLE urge (
    id            UUID        PRIMARY KEY,
    user_id       TEXT        NOT NULL,
    intensity     SMALLINT    NOT NULL CHECK (intensity BETWEEN 1 AND 10),
    occurred_at   TIMESTAMPTZ NOT NULL,
    note          TEXT,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX urge_by_user ON urge (user_id, occurred_at);

-- Every milestone-reached recorded in the outbox. The primary key is the second guard of
-- "exactly once per streak and day", behind the job's row lock.
CREATE TABLE milestone_emitted (
    streak_id   UUID        NOT NULL,
    day         INTEGER     NOT NULL,
    user_id     TEXT        NOT NULL,
    reached_at  TIMESTAMPTZ NOT NULL,
    emitted_at  TIMESTAMPTZ NOT NULL,
    late        BOOLEAN     NOT NULL,
    PRIMARY KEY (streak_id, day)
);
CREATE INDEX milestone_emitted_by_user ON milestone_emitted (user_id);
