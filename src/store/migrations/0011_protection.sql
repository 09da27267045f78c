-- Protection: the key that encrypts sensitive columns (only its id, never the key), TOTP second
-- factor per user, and sessions that still wait for the second factor.

-- One row once the sensitive columns are sealed: the id of the key that sealed them
-- (store/field_crypto.h). Its absence means rows from before encryption may still be plain text.
CREATE TABLE encryption_state (
  id INTEGER PRIMARY KEY,
  key_id TEXT NOT NULL,
  sealed_at BIGINT NOT NULL
);

-- secret: the base32 TOTP secret, sealed like the notes. enabled: 0 while enrolment awaits its
-- first code. last_step: the 30-second step of the last accepted code (no replay within it).
CREATE TABLE user_totp (
  user_id BIGINT PRIMARY KEY REFERENCES users(id),
  secret TEXT NOT NULL,
  enabled INTEGER NOT NULL DEFAULT 0,
  last_step BIGINT NOT NULL DEFAULT 0,
  created_at BIGINT NOT NULL
);

ALTER TABLE sessions ADD COLUMN second_factor_pending INTEGER NOT NULL DEFAULT 0;
