-- Articles become versioned: the article row is the identity (slug, status, who/when), every edit
-- is a new immutable revision, and publishing pins one revision. Readers and search only ever see
-- the pinned revision, so an admin can edit a published article without readers seeing a half-done draft.
ALTER TABLE article
    ADD COLUMN current_revision   INT  NOT NULL DEFAULT 0,
    ADD COLUMN published_revision INT,
    ADD COLUMN created_by         TEXT NOT NULL DEFAULT 'system',
    ADD COLUMN updated_by         TEXT NOT NULL DEFAULT 'system',
    ADD COLUMN first_published_at TIMESTAMPTZ,
    ADD COLUMN retracted_at       TIMESTAMPTZ,
    -- sha-256 of the shipped library file this article came from (null for articles written in the admin API)
    ADD COLUMN library_hash       TEXT;

CREATE TABLE article_revision (
    id              UUID PRIMARY KEY,
    article_id      UUID        NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    number          INT         NOT NULL,
    title           TEXT        NOT NULL,
    summary         TEXT        NOT NULL,
    body_markdown   TEXT        NOT NULL,
    body_html       TEXT        NOT NULL,
    stages          TEXT[]      NOT NULL,
    tags            TEXT[]      NOT NULL,
    reading_minutes INT         NOT NULL,
    author          TEXT        NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    -- Weighted document for full-text search: a title hit (A) outranks a summary hit (B), which
    -- outranks a body hit (C). Generated, so it can never drift from the text.
    search          TSVECTOR GENERATED ALWAYS AS (
                        setweight(to_tsvector('english', title), 'A')
                        || setweight(to_tsvector('english', summary), 'B')
                        || setweight(to_tsvector('english', body_markdown), 'C')) STORED,
    UNIQUE (article_id, number)
);
CREATE INDEX article_revision_search ON article_revision USING GIN (search);
CREATE INDEX article_revision_stages ON article_revision USING GIN (stages);
CREATE INDEX article_published_order ON article (published_at DESC, id DESC) WHERE status = 'PUBLISHED';

-- Who changed what, when: every admin change (and the library loader) leaves a row.
CREATE TABLE audit_entry (
    id          UUID PRIMARY KEY,
    at          TIMESTAMPTZ NOT NULL,
    actor       TEXT        NOT NULL,
    action      TEXT        NOT NULL,
    target_type TEXT        NOT NULL,
    target_id   TEXT        NOT NULL,
    detail      TEXT
);
CREATE INDEX audit_entry_order ON audit_entry (at DESC, id DESC);
