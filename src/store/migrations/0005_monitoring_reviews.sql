-- Monitoring (cliënt volgen): check-ins planned in the monitoring phase or after closure, with
-- their outcome once done; and the monthly process reviews (procesbespreking) of a case.
CREATE TABLE case_check_ins (
  id {{ID}},
  case_id BIGINT NOT NULL REFERENCES cases(id),
  planned_on TEXT NOT NULL,
  worker_id BIGINT NOT NULL REFERENCES users(id),
  done_on TEXT,
  outcome TEXT,
  note TEXT NOT NULL DEFAULT '',
  created_by BIGINT NOT NULL REFERENCES users(id),
  created_at BIGINT NOT NULL,
  -- The case's closed_at when scheduled after its closure; NULL when scheduled while open.
  after_closure_at BIGINT
);
CREATE INDEX case_check_ins_case ON case_check_ins(case_id, planned_on);
CREATE INDEX case_check_ins_open ON case_check_ins(planned_on) WHERE outcome IS NULL;

CREATE TABLE case_reviews (
  id {{ID}},
  case_id BIGINT NOT NULL REFERENCES cases(id),
  held_on TEXT NOT NULL,
  attendees TEXT NOT NULL,
  notes TEXT NOT NULL DEFAULT '',
  decision TEXT NOT NULL,
  created_by BIGINT NOT NULL REFERENCES users(id),
  created_at BIGINT NOT NULL
);
CREATE INDEX case_reviews_case ON case_reviews(case_id, held_on);
