-- Issue 11. The user's day: the zone follows the device or stays at home, and a day may begin
-- at a local hour other than midnight (0–6). Limited contact: contacts with a purpose never slip.
ALTER TABLE streak_user
    ADD COLUMN zone_mode       TEXT    NOT NULL DEFAULT 'FOLLOW_CURRENT'
        CONSTRAINT streak_user_zone_mode CHECK (zone_mode IN ('FOLLOW_CURRENT', 'PIN_HOME')),
    ADD COLUMN day_start_hour  INTEGER NOT NULL DEFAULT 0
        CONSTRAINT streak_user_day_start_hour CHECK (day_start_hour BETWEEN 0 AND 6),
    ADD COLUMN limited_contact BOOLEAN NOT NULL DEFAULT FALSE;

-- Ending no contact on purpose, after a readiness check or not, is not a slip.
ALTER TABLE streak DROP CONSTRAINT streak_end_reason;
ALTER TABLE streak ADD CONSTRAINT streak_end_reason CHECK (end_reason IN ('CONTACT', 'RESTARTED', 'CHOSEN'));
ALTER TABLE streak ADD COLUMN ended_by_readiness_check_id UUID;

-- The zone in force on the device when it happened (NULL for records from before issue 11).
ALTER TABLE contact ADD COLUMN purpose TEXT
    CONSTRAINT contact_purpose CHECK (purpose IN ('CO_PARENTING', 'WORK', 'LEGAL', 'HOUSING', 'OTHER'));
ALTER TABLE contact ADD COLUMN time_zone TEXT;
ALTER TABLE urge ADD COLUMN time_zone TEXT;

-- "I kept no contact today": one per user and user-day. streak_days is the check-in streak that
-- this check-in reached (the previous day's + 1, or 1), fixed when it is recorded.
CREATE TABLE check_in (
    id             UUID        PRIMARY KEY,
    user_id        TEXT        NOT NULL,
    local_date     DATE        NOT NULL,
    checked_in_at  TIMESTAMPTZ NOT NULL,
    time_zone      TEXT,
    streak_days    INTEGER     NOT NULL CHECK (streak_days >= 1),
    CONSTRAINT check_in_once_a_day UNIQUE (user_id, local_date)
);

-- A saved readiness self-check. answers is JSON and holds the user's own words: never logged,
-- never in an event.
CREATE TABLE readiness_check (
    id          UUID        PRIMARY KEY,
    user_id     TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    answers     TEXT        NOT NULL
);
CREATE INDEX readiness_check_by_user ON readiness_check (user_id, created_at);
