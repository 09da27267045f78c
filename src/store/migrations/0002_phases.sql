-- Phases of a case and their history, assignment history (handovers).
-- A case's phase: preparation | making_contact | follow_up | help | monitoring | closed
-- (domain/transitions.tsv); status stays open/closed, closed exactly when the phase is closed.
ALTER TABLE cases ADD COLUMN phase TEXT NOT NULL DEFAULT 'preparation';
UPDATE cases SET phase = CASE
  WHEN status = 'closed' THEN 'closed'
  WHEN EXISTS (SELECT 1 FROM contacts x WHERE x.case_id = cases.id) THEN 'making_contact'
  ELSE 'preparation' END;
CREATE INDEX cases_team_phase ON cases(team_id, phase);

-- One row per move. from_phase is '' for closures and reopenings recorded before phases existed
-- (copied from case_events below); to_phase is '' when that reopening's phase is not known.
CREATE TABLE case_transitions (
  id {{ID}},
  case_id BIGINT NOT NULL REFERENCES cases(id),
  from_phase TEXT NOT NULL,
  event TEXT NOT NULL,
  to_phase TEXT NOT NULL,
  actor BIGINT NOT NULL REFERENCES users(id),
  at BIGINT NOT NULL,
  reason TEXT NOT NULL DEFAULT ''
);
CREATE INDEX case_transitions_case ON case_transitions(case_id, at);
INSERT INTO case_transitions (case_id, from_phase, event, to_phase, actor, at, reason)
  SELECT case_id, '', 'close', 'closed', actor, at, reason FROM case_events WHERE kind = 'closed';
INSERT INTO case_transitions (case_id, from_phase, event, to_phase, actor, at, reason)
  SELECT case_id, 'closed', 'reopen', '', actor, at, reason FROM case_events WHERE kind = 'reopened';

-- Who held a case when. unassigned_at is NULL while the worker is assigned; handed_over_from is
-- the worker this one took over from in a handover (NULL when assigned at the opening), with the note.
CREATE TABLE case_assignments (
  id {{ID}},
  case_id BIGINT NOT NULL REFERENCES cases(id),
  user_id BIGINT NOT NULL REFERENCES users(id),
  assigned_at BIGINT NOT NULL,
  unassigned_at BIGINT,
  assigned_by BIGINT REFERENCES users(id),
  handed_over_from BIGINT REFERENCES users(id),
  note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX case_assignments_case ON case_assignments(case_id, assigned_at);
INSERT INTO case_assignments (case_id, user_id, assigned_at, unassigned_at, assigned_by, handed_over_from, note)
  SELECT w.case_id, w.user_id, c.opened_at, NULL, NULL, NULL, '' FROM case_workers w JOIN cases c ON c.id = w.case_id;
