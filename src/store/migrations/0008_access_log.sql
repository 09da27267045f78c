-- The access log in NEN 7513 style: who did what with whose data, when. Rows form a hash chain
-- (store/access_log_repository.h): hash = BLAKE2b over the row's fields and prev_hash.
-- Ids are given by the appender (the head's last_id + 1), not by the database, so they have no gaps
-- and a missing id is a deleted row. No foreign keys: the log outlives users and records.
CREATE TABLE access_log (
  id BIGINT PRIMARY KEY,
  at BIGINT NOT NULL,
  user_id BIGINT NOT NULL,
  on_behalf_of TEXT,
  person_id BIGINT,
  record_type TEXT NOT NULL,
  record_id BIGINT,
  action TEXT NOT NULL,
  detail TEXT,
  break_glass_reason TEXT,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE INDEX access_log_by_user ON access_log (user_id, at);
CREATE INDEX access_log_by_person ON access_log (person_id, at);
CREATE INDEX access_log_by_at ON access_log (at);

-- The newest row's id and hash. Every append locks this one row first (UPDATE), which makes
-- appends one writer at a time on both back ends, and it anchors the end of the chain.
CREATE TABLE access_log_head (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  last_id BIGINT NOT NULL,
  last_hash TEXT NOT NULL
);
INSERT INTO access_log_head (id, last_id, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

-- A purge of old rows leaves the id and hash of the last row it deleted; verify starts there.
CREATE TABLE access_log_checkpoints (
  id {{ID}},
  purged_at BIGINT NOT NULL,
  cutoff_at BIGINT NOT NULL,
  last_id BIGINT NOT NULL,
  last_hash TEXT NOT NULL,
  rows_deleted BIGINT NOT NULL
);
