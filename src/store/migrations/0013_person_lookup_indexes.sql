-- Indexes for the reads of one case page (docs/benchmarks.md): a household member's other cases
-- and signals were found by scanning every case and signal, and the case's events and prior
-- information were sorted on every read.
CREATE INDEX cases_person ON cases(person_id, id);
CREATE INDEX signals_person ON signals(person_id, intake_date, id);
DROP INDEX case_events_case;
CREATE INDEX case_events_case ON case_events(case_id, at, id);
DROP INDEX case_prior_info_case;
CREATE INDEX case_prior_info_case ON case_prior_info(case_id, created_at, id);
-- The latest decision of a signal (case pages and signal lists) without sorting its decisions.
DROP INDEX signal_decisions_signal;
CREATE INDEX signal_decisions_signal ON signal_decisions(signal_id, decided_at, id);
