-- The in-app inbox. Delivery state, channels and preferences arrive with the notification issue.
CREATE TABLE notification (
    id          UUID PRIMARY KEY,
    user_id     TEXT        NOT NULL,
    kind        TEXT        NOT NULL,
    title       TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    read_at     TIMESTAMPTZ
);

-- The bell asks for the unread count on every page.
CREATE INDEX notification_user_unread ON notification (user_id) WHERE read_at IS NULL;
