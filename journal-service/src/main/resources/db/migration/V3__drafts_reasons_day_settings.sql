-- The zone in force on the writer's device, as sent with the write (null for older entries).
ALTER TABLE journal_entry ADD COLUMN time_zone TEXT;

-- Unsent drafts ("pause before texting"): the message the user wanted to send, encrypted exactly
-- like entries (AES-256-GCM under the user's data key; associated data binds it to draft and user).
CREATE TABLE journal_draft (
    id              UUID PRIMARY KEY,
    user_id         TEXT        NOT NULL,
    body_ciphertext BYTEA       NOT NULL,
    time_zone       TEXT,
    created_at      TIMESTAMPTZ NOT NULL,
    pause_until     TIMESTAMPTZ NOT NULL,
    outcome         TEXT CHECK (outcome IN ('KEPT_UNSENT', 'SENT')),
    decided_at      TIMESTAMPTZ,
    CHECK ((outcome IS NULL) = (decided_at IS NULL))
);
CREATE INDEX journal_draft_user_created ON journal_draft (user_id, created_at DESC, id DESC);

-- The user's own reasons for no contact: one encrypted JSON array per user.
CREATE TABLE journal_reasons (
    user_id            TEXT PRIMARY KEY,
    reasons_ciphertext BYTEA       NOT NULL,
    updated_at         TIMESTAMPTZ NOT NULL
);

-- Local projection of day-settings-changed (detach.streak.v1): the zone the user's days are counted
-- in and the hour their day starts, so insights use the same days as the streak.
CREATE TABLE day_settings (
    user_id        TEXT PRIMARY KEY,
    time_zone      TEXT        NOT NULL,
    zone_mode      TEXT        NOT NULL,
    day_start_hour SMALLINT    NOT NULL CHECK (day_start_hour BETWEEN 0 AND 6),
    changed_at     TIMESTAMPTZ NOT NULL,
    updated_at     TIMESTAMPTZ NOT NULL
);
