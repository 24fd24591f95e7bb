-- Local projection of day-settings-changed (detach.streak.v1, owned by streak-service): the zone the
-- user's days are counted in and the hour their day starts. Once known, they decide the zone of the
-- check-in schedule, quiet hours and the "one per day" rules, so every service counts the same days.
CREATE TABLE day_settings (
    user_id        TEXT PRIMARY KEY,
    time_zone      TEXT        NOT NULL,
    zone_mode      TEXT        NOT NULL,
    day_start_hour SMALLINT    NOT NULL CHECK (day_start_hour BETWEEN 0 AND 6),
    changed_at     TIMESTAMPTZ NOT NULL,
    updated_at     TIMESTAMPTZ NOT NULL
);

-- The user-days the user has checked in (checked-in events): that day's check-in message is not sent.
CREATE TABLE checked_in_day (
    user_id        TEXT        NOT NULL,
    local_date     DATE        NOT NULL,
    checked_in_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (user_id, local_date)
);
