-- What this service knows about a reader, projected from other services' events (never their text):
-- enough to choose today's reading. All of it is deleted when the user asks for erasure.
CREATE TABLE reader_state (
    user_id             TEXT PRIMARY KEY,
    streak_started_at   TIMESTAMPTZ,
    time_zone           TEXT,
    last_slip_at        TIMESTAMPTZ,
    last_reached_out_at TIMESTAMPTZ,
    updated_at          TIMESTAMPTZ NOT NULL
);

-- Journal entries' numbers (mood 1-10, urge 0-10), for "low recent moods" and "strong urges".
CREATE TABLE reader_entry (
    entry_id    UUID PRIMARY KEY,
    user_id     TEXT        NOT NULL,
    recorded_at TIMESTAMPTZ NOT NULL,
    mood        INT         NOT NULL,
    urge        INT         NOT NULL
);
CREATE INDEX reader_entry_user ON reader_entry (user_id, recorded_at DESC);

-- Urges logged in streak-service (intensity 1-10).
CREATE TABLE reader_urge (
    urge_id     UUID PRIMARY KEY,
    user_id     TEXT        NOT NULL,
    intensity   INT         NOT NULL,
    occurred_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX reader_urge_user ON reader_urge (user_id, occurred_at DESC);

-- What today's reading showed whom, and why: no article is offered again within 7 days, and the
-- same day's answer stays the same while the situation does.
CREATE TABLE reading_history (
    id         UUID PRIMARY KEY,
    user_id    TEXT        NOT NULL,
    article_id UUID        NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    shown_at   TIMESTAMPTZ NOT NULL,
    shown_on   DATE        NOT NULL,
    rule       TEXT        NOT NULL,
    reason     TEXT        NOT NULL,
    main       BOOLEAN     NOT NULL
);
CREATE INDEX reading_history_user ON reading_history (user_id, shown_at DESC);
