-- Journal entries. The body and its encryption columns arrive with the journal issue; the walking
-- skeleton only needs ownership and ordering. user_id is the Keycloak subject.
CREATE TABLE journal_entry (
    id          UUID PRIMARY KEY,
    user_id     TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Lists are newest first per user, paged by (created_at, id).
CREATE INDEX journal_entry_user_created ON journal_entry (user_id, created_at DESC, id DESC);
