-- the test application's own state, changed in the same transaction as the outbox row
CREATE TABLE logged_urge (
    id          uuid        PRIMARY KEY,
    user_id     text        NOT NULL,
    intensity   integer     NOT NULL,
    occurred_at timestamptz NOT NULL
);
