-- Indexes that deliver the case lists' sort orders (team, status, sort column, id), so a page
-- of a large team reads about 50 index entries instead of sorting every case of the team.
CREATE INDEX cases_team_status_last_contact ON cases(team_id, status, last_contact_at, id);
CREATE INDEX cases_team_status_next_attempt ON cases(team_id, status, next_attempt_date, id);
