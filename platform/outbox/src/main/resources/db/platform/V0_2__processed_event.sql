-- Idempotent consumers (platform/outbox ProcessedEvents): the ids of the events each consumer has
-- handled, inserted in the same transaction as the consumer's side effect.
CREATE TABLE processed_event (
    consumer     text        NOT NULL,
    event_id     text        NOT NULL,
    processed_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);
