-- Weekly export email (opt-in): each Sunday morning in the user's zone an email says their archive
-- is ready and links to the download behind sign-in. The archive itself is never attached (see
-- docs/adr/0005-weekly-export-link-not-attachment.md). next_export_at is the instant of the next
-- one, indexed like next_check_in_at so the scheduler claims due rows cheaply.
ALTER TABLE preference ADD COLUMN weekly_export  BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE preference ADD COLUMN next_export_at TIMESTAMPTZ;
CREATE INDEX preference_next_export ON preference (next_export_at) WHERE next_export_at IS NOT NULL;
