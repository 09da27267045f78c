-- Persistence in making contact: per team, the suggested days until the next attempt
-- (comma-separated, e.g. '2,3,7') and the thresholds that make a case stuck.
ALTER TABLE teams ADD COLUMN cadence_days TEXT NOT NULL DEFAULT '2,3,7';
ALTER TABLE teams ADD COLUMN stuck_attempts INTEGER NOT NULL DEFAULT 5;
ALTER TABLE teams ADD COLUMN stuck_days INTEGER NOT NULL DEFAULT 14;
CREATE INDEX contacts_created_by ON contacts(created_by, occurred_at);
