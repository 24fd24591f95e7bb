-- Wakes the outbox relay (platform/outbox OutboxRelay) when a transaction that wrote outbox rows
-- commits, instead of leaving the rows until its next poll (detach.outbox.poll-interval, 200 ms,
-- about half of a logged contact's way to the live stream in the benchmarks). PostgreSQL delivers a
-- NOTIFY only on commit and folds identical ones of a transaction into one; the relay still polls,
-- so a notification missed while its LISTEN connection is down delays rows, it never loses them.
CREATE FUNCTION outbox_wake_relay() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('detach_outbox', '');
    RETURN NULL;
END
$$;

CREATE TRIGGER outbox_wake_relay AFTER INSERT ON outbox
    FOR EACH STATEMENT EXECUTE FUNCTION outbox_wake_relay();
