-- Durable fan-out jobs: a message for many users (the new-guides digest of an article, an admin
-- broadcast) is written here by the consumer or the endpoint, and delivered later in chunks of
-- recipients by FanOutWorker, one transaction per chunk. The cursor is the last recipient user id
-- handled (keyset, '' = not started), so a crash resumes after the last committed chunk.
CREATE TABLE fan_out (
    -- new-guides: the CloudEvents id of article-published (a redelivery inserts nothing);
    -- broadcast: the broadcast id (a new UUID)
    id          TEXT PRIMARY KEY,
    kind        TEXT        NOT NULL CHECK (kind IN ('new-guides', 'broadcast')),
    title       TEXT        NOT NULL,
    slug        TEXT,       -- new-guides: the article's slug
    body        TEXT,       -- broadcast: the admin's text
    link        TEXT,       -- broadcast: optional path in the web client
    cursor      TEXT        NOT NULL DEFAULT '',
    processed   INTEGER     NOT NULL DEFAULT 0,   -- recipients handed to the delivery rules so far
    chunks      INTEGER     NOT NULL DEFAULT 0,
    created_at  TIMESTAMPTZ NOT NULL,
    finished_at TIMESTAMPTZ
);

-- The worker claims the oldest unfinished job.
CREATE INDEX fan_out_unfinished ON fan_out (created_at, id) WHERE finished_at IS NULL;
