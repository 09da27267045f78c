-- Foundation schema: accounts, sessions, persons, signals, decisions, cases, contacts.
-- {{ID}} becomes the back end's auto-increment primary key. Timestamps are Unix seconds,
-- dates 'YYYY-MM-DD' text, booleans 0/1.

CREATE TABLE teams (
  id {{ID}},
  name TEXT NOT NULL UNIQUE,
  created_at BIGINT NOT NULL
);

CREATE TABLE users (
  id {{ID}},
  username TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  role TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  active INTEGER NOT NULL DEFAULT 1,
  created_at BIGINT NOT NULL
);

CREATE TABLE team_members (
  team_id BIGINT NOT NULL REFERENCES teams(id),
  user_id BIGINT NOT NULL REFERENCES users(id),
  PRIMARY KEY (team_id, user_id)
);
CREATE INDEX team_members_user ON team_members(user_id);

CREATE TABLE sessions (
  id {{ID}},
  token_hash TEXT NOT NULL UNIQUE,
  user_id BIGINT NOT NULL REFERENCES users(id),
  csrf_token TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  last_seen_at BIGINT NOT NULL
);
CREATE INDEX sessions_user ON sessions(user_id);

CREATE TABLE persons (
  id {{ID}},
  team_id BIGINT NOT NULL REFERENCES teams(id),
  name TEXT NOT NULL,
  address TEXT NOT NULL DEFAULT '',
  phone TEXT NOT NULL DEFAULT '',
  date_of_birth TEXT,
  sex TEXT NOT NULL DEFAULT 'unknown',
  created_at BIGINT NOT NULL
);

CREATE TABLE cases (
  id {{ID}},
  team_id BIGINT NOT NULL REFERENCES teams(id),
  person_id BIGINT NOT NULL REFERENCES persons(id),
  status TEXT NOT NULL,
  opened_at BIGINT NOT NULL,
  closed_at BIGINT,
  closed_by BIGINT REFERENCES users(id),
  closure_reason TEXT,
  closure_note TEXT,
  last_contact_at TEXT,
  next_attempt_date TEXT,
  contact_count BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX cases_team_status ON cases(team_id, status);

CREATE TABLE case_workers (
  case_id BIGINT NOT NULL REFERENCES cases(id),
  user_id BIGINT NOT NULL REFERENCES users(id),
  PRIMARY KEY (case_id, user_id)
);
CREATE INDEX case_workers_user ON case_workers(user_id);

CREATE TABLE signals (
  id {{ID}},
  team_id BIGINT NOT NULL REFERENCES teams(id),
  person_id BIGINT NOT NULL REFERENCES persons(id),
  case_id BIGINT REFERENCES cases(id),
  status TEXT NOT NULL,
  intake_date TEXT NOT NULL,
  taken_by BIGINT NOT NULL REFERENCES users(id),
  reporter_name TEXT NOT NULL,
  reporter_kind TEXT NOT NULL,
  reporter_relation TEXT NOT NULL DEFAULT '',
  reporter_organisation TEXT NOT NULL DEFAULT '',
  reporter_function TEXT NOT NULL DEFAULT '',
  reporter_phone TEXT NOT NULL DEFAULT '',
  reporter_address TEXT NOT NULL DEFAULT '',
  relation_to_person TEXT NOT NULL DEFAULT '',
  known_since TEXT NOT NULL DEFAULT '',
  contact_initiative TEXT NOT NULL DEFAULT '',
  contact_nature TEXT NOT NULL DEFAULT '',
  direct_reason TEXT NOT NULL,
  direct_reason_other TEXT NOT NULL DEFAULT '',
  tried_and_result TEXT NOT NULL DEFAULT '',
  what_would_help TEXT NOT NULL DEFAULT '',
  others_in_contact TEXT NOT NULL DEFAULT '',
  whereabouts TEXT NOT NULL DEFAULT '',
  reporter_can_introduce TEXT NOT NULL DEFAULT 'unknown',
  introduction_note TEXT NOT NULL DEFAULT '',
  worker_gender_preference TEXT NOT NULL DEFAULT 'none',
  may_contact_reporter INTEGER NOT NULL DEFAULT 0,
  problem_areas TEXT NOT NULL DEFAULT '',
  problem_areas_other TEXT NOT NULL DEFAULT '',
  follow_up_agreed TEXT NOT NULL DEFAULT '',
  feedback_date TEXT,
  person_aware TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX signals_team_status ON signals(team_id, status);
CREATE INDEX signals_case ON signals(case_id);

CREATE TABLE signal_decisions (
  id {{ID}},
  signal_id BIGINT NOT NULL REFERENCES signals(id),
  decision TEXT NOT NULL,
  reason TEXT NOT NULL,
  decided_by BIGINT NOT NULL REFERENCES users(id),
  decided_at BIGINT NOT NULL,
  case_id BIGINT REFERENCES cases(id)
);
CREATE INDEX signal_decisions_signal ON signal_decisions(signal_id);

CREATE TABLE case_events (
  id {{ID}},
  case_id BIGINT NOT NULL REFERENCES cases(id),
  kind TEXT NOT NULL,
  reason TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT '',
  actor BIGINT NOT NULL REFERENCES users(id),
  at BIGINT NOT NULL
);
CREATE INDEX case_events_case ON case_events(case_id);

CREATE TABLE contacts (
  id {{ID}},
  case_id BIGINT NOT NULL REFERENCES cases(id),
  occurred_at TEXT NOT NULL,
  channel TEXT NOT NULL,
  with_whom TEXT NOT NULL DEFAULT '',
  outcome TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  next_attempt_date TEXT,
  created_by BIGINT NOT NULL REFERENCES users(id),
  created_at BIGINT NOT NULL
);
CREATE INDEX contacts_case ON contacts(case_id, occurred_at);
