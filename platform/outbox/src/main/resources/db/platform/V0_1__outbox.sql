-- Transactional outbox (platform/outbox): one row per event, written in the same transaction as
-- the state change it describes; the relay publishes pending rows in insertion order and marks them sent.
CREATE TABLE outbox (
    id              uuid         PRIMARY KEY,           -- the CloudEvents id
    seq             bigserial    NOT NULL UNIQUE,       -- insertion order = publishing order
    topic           text         NOT NULL,
    record_key      text         NOT NULL,              -- Kafka key: the userId
    type            text         NOT NULL,              -- CloudEvents type
    source          text         NOT NULL,              -- CloudEvents source, /detach/<service>
    subject         text,                               -- CloudEvents subject
    occurred_at     timestamptz  NOT NULL,              -- CloudEvents time
    payload         jsonb        NOT NULL,              -- CloudEvents data
    created_at      timestamptz  NOT NULL DEFAULT now(),
    sent_at         timestamptz,                        -- NULL while pending
    attempts        integer      NOT NULL DEFAULT 0,    -- failed publishing attempts
    next_attempt_at timestamptz  NOT NULL DEFAULT now(),
    last_error      text
);

-- the relay's query: pending rows in insertion order; stays small because sent rows drop out
CREATE INDEX outbox_pending_idx ON outbox (seq) WHERE sent_at IS NULL;
-- the purge of sent rows past their retention
CREATE INDEX outbox_sent_at_idx ON outbox (sent_at) WHERE sent_at IS NOT NULL;
