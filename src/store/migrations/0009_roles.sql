-- Roles and scoping: emergency access ("break-glass") to another team's case, and the index behind a
-- partner's list of its own signals (signals.taken_by is the user who submitted the signal).

CREATE TABLE break_glass (
  id {{ID}},
  user_id BIGINT NOT NULL REFERENCES users(id),
  case_id BIGINT NOT NULL REFERENCES cases(id),
  team_id BIGINT NOT NULL REFERENCES teams(id),
  reason TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL
);
CREATE INDEX break_glass_user_case ON break_glass(user_id, case_id, expires_at);
CREATE INDEX break_glass_team ON break_glass(team_id, created_at);
CREATE INDEX signals_taken_by ON signals(taken_by, intake_date);
