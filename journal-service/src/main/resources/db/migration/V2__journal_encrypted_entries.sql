-- The journal proper. Bodies are stored only as AES-256-GCM ciphertext under the author's data key
-- (user_key); mood, urge, emotions and the no-contact day stay in clear for filters and insights.
-- The walking skeleton had no way to create entries, so the new columns can be NOT NULL at once.
ALTER TABLE journal_entry
    ADD COLUMN body_ciphertext BYTEA    NOT NULL,
    ADD COLUMN mood            SMALLINT NOT NULL CHECK (mood BETWEEN 1 AND 10),
    ADD COLUMN urge            SMALLINT NOT NULL CHECK (urge BETWEEN 0 AND 10),
    ADD COLUMN emotions        TEXT[]   NOT NULL DEFAULT '{}',
    ADD COLUMN prompt_id       TEXT,
    ADD COLUMN no_contact_day  INTEGER;

-- One data key (DEK) per user, wrapped (AES-GCM) by the key-encryption key (KEK) named by
-- kek_version. Deleting the row is crypto-shredding: the user's ciphertexts become unreadable.
CREATE TABLE user_key (
    user_id      TEXT PRIMARY KEY,
    kek_version  TEXT        NOT NULL,
    wrapped_dek  BYTEA       NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    rewrapped_at TIMESTAMPTZ
);
-- The re-wrap job looks for keys still wrapped by an older KEK.
CREATE INDEX user_key_kek_version ON user_key (kek_version);

-- Local projection of detach.streak.v1: the user's current streak (null after a reset), the zone
-- their days are counted in, and when they last slipped.
CREATE TABLE streak_state (
    user_id       TEXT PRIMARY KEY,
    streak_id     UUID,
    started_at    TIMESTAMPTZ,
    time_zone     TEXT        NOT NULL,
    last_reset_at TIMESTAMPTZ,
    updated_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Today's prompt per user and local day: keeps the pick stable for the day and lets the next
-- picks avoid repeating one within 14 days.
CREATE TABLE prompt_pick (
    user_id    TEXT        NOT NULL,
    local_day  DATE        NOT NULL,
    prompt_id  TEXT        NOT NULL,
    stage      TEXT        NOT NULL,
    picked_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, local_day)
);
