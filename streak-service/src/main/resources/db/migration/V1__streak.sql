-- One row per user: the streak they are keeping now. History, contacts and urges come with their
-- own tables (issue: streak-service); user_id is the Keycloak subject.
CREATE TABLE streak (
    user_id                    TEXT PRIMARY KEY,
    started_at                 TIMESTAMPTZ NOT NULL,
    time_zone                  TEXT        NOT NULL,
    social_media_check_breaks  BOOLEAN     NOT NULL DEFAULT FALSE,
    created_at                 TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at                 TIMESTAMPTZ NOT NULL DEFAULT now()
);
