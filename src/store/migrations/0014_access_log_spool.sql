-- How far each access-log spool (store/sqlite/access_log_spool.h) has been moved into access_log.
-- A spool is a small SQLite file of its own, named by a random id kept in that file; the server
-- registers it here at start. last_seq is updated in the same transaction that appends the moved
-- rows, so no spool row is appended twice, even after a crash between the append and the spool's
-- own clean-up.
CREATE TABLE access_log_spool_marks (
  spool_id TEXT PRIMARY KEY,
  last_seq BIGINT NOT NULL,
  registered_at BIGINT NOT NULL
);
