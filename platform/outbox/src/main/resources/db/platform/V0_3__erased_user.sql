-- Users whose data this service erased (account erasure, platform/outbox ErasedUsers). An event
-- about one of them that arrives later - on another topic, from a dead-letter replay - is skipped,
-- so a late event cannot re-create a row of an erased user. Only the id is kept, for good: the
-- Keycloak account is deleted with the data, and its subject is never issued again.
CREATE TABLE erased_user (
    user_id   text        PRIMARY KEY,
    erased_at timestamptz NOT NULL DEFAULT now()
);
