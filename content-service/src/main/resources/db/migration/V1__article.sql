-- Guide articles. Bodies, revisions and search columns arrive with the content issue.
CREATE TABLE article (
    id            UUID PRIMARY KEY,
    slug          TEXT        NOT NULL UNIQUE,
    title         TEXT        NOT NULL,
    status        TEXT        NOT NULL CHECK (status IN ('DRAFT', 'PUBLISHED', 'RETRACTED')),
    published_at  TIMESTAMPTZ,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);
