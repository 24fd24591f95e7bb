-- Help lines and services shown next to the guides. Admin-editable; the service ships only entries
-- whose facts we are certain of (checked when written: numbers and sites of long-standing services).
-- country: ISO 3166-1 alpha-2, or NULL for resources that serve every country.
CREATE TABLE help_resource (
    id          UUID PRIMARY KEY,
    country     TEXT CHECK (country ~ '^[A-Z]{2}$'),
    name        TEXT        NOT NULL,
    description TEXT        NOT NULL,
    phone       TEXT,
    text_line   TEXT,
    url         TEXT,
    hours       TEXT,
    created_by  TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_by  TEXT        NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX help_resource_country ON help_resource (country);

INSERT INTO help_resource (id, country, name, description, phone, text_line, url, hours, created_by, updated_by) VALUES
('6f1c2d7e-3b1a-4c55-9a0e-2f4b8d9c0a01', 'US', '988 Suicide & Crisis Lifeline',
 'Free, confidential support for anyone in emotional distress or crisis.', '988', 'Text 988', 'https://988lifeline.org', '24/7', 'migration', 'migration'),
('6f1c2d7e-3b1a-4c55-9a0e-2f4b8d9c0a02', 'GB', 'Samaritans',
 'Free, confidential listening for anyone who is struggling, whatever it is about.', '116 123', NULL, 'https://www.samaritans.org', '24/7', 'migration', 'migration'),
('6f1c2d7e-3b1a-4c55-9a0e-2f4b8d9c0a03', 'IE', 'Samaritans',
 'Free, confidential listening for anyone who is struggling, whatever it is about.', '116 123', NULL, 'https://www.samaritans.org', '24/7', 'migration', 'migration'),
('6f1c2d7e-3b1a-4c55-9a0e-2f4b8d9c0a04', NULL, 'Find A Helpline',
 'A directory of free, confidential helplines, searchable by country and topic.', NULL, NULL, 'https://findahelpline.com', NULL, 'migration', 'migration');
