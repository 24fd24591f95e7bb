-- Messages get their text, a link, the event (or rule slot) that caused them and a delivery time.
ALTER TABLE notification
    ADD COLUMN body          TEXT        NOT NULL DEFAULT '',
    ADD COLUMN link          TEXT,
    -- rule + what the message is about (e.g. "milestone:<streakId>:7", "urge:2026-11-23"):
    -- unique per user, so the same event or rule slot can never make two messages
    ADD COLUMN source_key    TEXT,
    -- urgent messages (a slip, a low-mood run) are not held back by the daily cap
    ADD COLUMN urgent        BOOLEAN     NOT NULL DEFAULT false,
    -- when the message becomes visible: now, the end of quiet hours, or the next day above the cap
    ADD COLUMN deliver_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    -- when the live stream was told about it (NULL: still due)
    ADD COLUMN dispatched_at TIMESTAMPTZ,
    -- NONE (no email wanted), PENDING, SENT, FAILED
    ADD COLUMN email_status  TEXT        NOT NULL DEFAULT 'NONE',
    ADD COLUMN email_attempts INT        NOT NULL DEFAULT 0;

CREATE UNIQUE INDEX notification_user_source ON notification (user_id, source_key) WHERE source_key IS NOT NULL;
-- keyset pagination of one user's inbox, newest first
CREATE INDEX notification_user_deliver ON notification (user_id, deliver_at DESC, id DESC);
-- the dispatcher looks for due messages not yet pushed / mailed
CREATE INDEX notification_due ON notification (deliver_at) WHERE dispatched_at IS NULL;
CREATE INDEX notification_email_due ON notification (deliver_at) WHERE email_status = 'PENDING';

-- One row per user who saved preferences; users without a row get the documented defaults.
CREATE TABLE preference (
    user_id          TEXT PRIMARY KEY,
    time_zone        TEXT        NOT NULL,
    check_in_enabled BOOLEAN     NOT NULL,
    check_in_time    TEXT        NOT NULL, -- HH:mm, local to time_zone
    quiet_start      TEXT,                 -- HH:mm or NULL (no quiet hours)
    quiet_end        TEXT,
    channel_in_app   BOOLEAN     NOT NULL,
    channel_email    BOOLEAN     NOT NULL,
    email            TEXT,
    new_guides       BOOLEAN     NOT NULL,
    -- the instant of this user's next daily check-in (NULL when disabled)
    next_check_in_at TIMESTAMPTZ,
    updated_at       TIMESTAMPTZ NOT NULL
);
CREATE INDEX preference_next_check_in ON preference (next_check_in_at) WHERE next_check_in_at IS NOT NULL;
CREATE INDEX preference_new_guides ON preference (user_id) WHERE new_guides;

-- The last few moods per user (from entry-recorded), enough to spot a run of low moods.
CREATE TABLE mood_entry (
    user_id     TEXT        NOT NULL,
    entry_id    UUID        NOT NULL,
    recorded_at TIMESTAMPTZ NOT NULL,
    mood        INT         NOT NULL,
    PRIMARY KEY (user_id, entry_id)
);

-- Records this service could not process, read back from its own dead-letter topics.
CREATE TABLE dead_letter (
    id              UUID PRIMARY KEY,
    dlq_topic       TEXT        NOT NULL,
    dlq_partition   INT         NOT NULL,
    dlq_offset      BIGINT      NOT NULL,
    original_topic  TEXT,
    record_key      TEXT,
    ce_id           TEXT,
    ce_type         TEXT,
    reason          TEXT,
    payload         TEXT,
    received_at     TIMESTAMPTZ NOT NULL,
    replayed_at     TIMESTAMPTZ,
    replay_error    TEXT,
    UNIQUE (dlq_topic, dlq_partition, dlq_offset)
);
CREATE INDEX dead_letter_received ON dead_letter (received_at DESC, id DESC);
