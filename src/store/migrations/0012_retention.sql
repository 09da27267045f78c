-- Retention and the data subject's rights: anonymous counts of what the purge removed (for
-- reports; no record ids, no names) and the record that an erasure happened (not of what was erased).
CREATE TABLE retention_counts (
  record_type TEXT NOT NULL,     -- case | signal
  team_id BIGINT NOT NULL REFERENCES teams(id),
  period TEXT NOT NULL,          -- 'YYYY-MM' of the closure (case) or of the last decision (signal)
  reason TEXT NOT NULL,          -- the closure reason (case) or the decision (signal)
  phase_reached TEXT NOT NULL,   -- the phase the case was closed from; '' for signals
  contact_bucket TEXT NOT NULL,  -- contacts of the case: 0, 1-2, 3-5, 6-10, 11+; '' for signals
  count BIGINT NOT NULL,
  PRIMARY KEY (record_type, team_id, period, reason, phase_reached, contact_bucket)
);

CREATE TABLE erasures (
  id {{ID}},
  erased_at BIGINT NOT NULL,
  erased_by BIGINT NOT NULL REFERENCES users(id),
  reason TEXT NOT NULL           -- one of vocab::erasure_reasons
);
