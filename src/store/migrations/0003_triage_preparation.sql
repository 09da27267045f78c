-- Triage checklist and reporter feedback (per decision and per signal), the team's feedback
-- term, and the preparation of a case's first visit.

ALTER TABLE teams ADD COLUMN feedback_working_days INTEGER NOT NULL DEFAULT 5;

-- Comma-separated lists of API values, as signals.problem_areas.
ALTER TABLE signal_decisions ADD COLUMN indications TEXT NOT NULL DEFAULT '';
ALTER TABLE signal_decisions ADD COLUMN contra_indications TEXT NOT NULL DEFAULT '';
ALTER TABLE signal_decisions ADD COLUMN contra_indication_note TEXT NOT NULL DEFAULT '';

ALTER TABLE signals ADD COLUMN feedback_due_on TEXT;
ALTER TABLE signals ADD COLUMN feedback_given_on TEXT;
ALTER TABLE signals ADD COLUMN feedback_told TEXT NOT NULL DEFAULT '';
CREATE INDEX signals_team_feedback_due ON signals(team_id, feedback_due_on);

CREATE TABLE case_preparations (
  case_id BIGINT PRIMARY KEY REFERENCES cases(id),
  strategy TEXT NOT NULL DEFAULT '',
  companion TEXT NOT NULL DEFAULT 'none',
  companion_name TEXT NOT NULL DEFAULT '',
  updated_by BIGINT NOT NULL REFERENCES users(id),
  updated_at BIGINT NOT NULL
);

CREATE TABLE case_prior_info (
  id {{ID}},
  case_id BIGINT NOT NULL REFERENCES cases(id),
  source TEXT NOT NULL,
  content TEXT NOT NULL,
  created_by BIGINT NOT NULL REFERENCES users(id),
  created_at BIGINT NOT NULL
);
CREATE INDEX case_prior_info_case ON case_prior_info(case_id);
