-- Consent registry and information exchange log (seed 000 Bijlage 4 and 5). Topics and channels
-- are comma-separated lists of API values. A signed scan of a consent form lives in the data
-- directory under scan_file (a random name); the database keeps only that name and its type.
CREATE TABLE consents (
  id {{ID}},
  person_id BIGINT NOT NULL REFERENCES persons(id),
  recipient_category TEXT NOT NULL,
  organisation TEXT NOT NULL DEFAULT '',
  scope TEXT NOT NULL,
  topics TEXT NOT NULL DEFAULT '',
  channels TEXT NOT NULL,
  given_on TEXT NOT NULL,
  ends_on TEXT,
  withdrawn_on TEXT,
  withdrawn_by BIGINT REFERENCES users(id),
  scan_file TEXT,
  scan_media_type TEXT,
  recorded_by BIGINT NOT NULL REFERENCES users(id),
  recorded_at BIGINT NOT NULL
);
CREATE INDEX consents_person ON consents(person_id);

-- The person's stance when there is no consent: no_opinion | explicitly_refuses; the latest counts.
CREATE TABLE consent_stances (
  id {{ID}},
  person_id BIGINT NOT NULL REFERENCES persons(id),
  stance TEXT NOT NULL,
  noted_on TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  recorded_by BIGINT NOT NULL REFERENCES users(id),
  recorded_at BIGINT NOT NULL
);
CREATE INDEX consent_stances_person ON consent_stances(person_id);

CREATE TABLE information_exchanges (
  id {{ID}},
  person_id BIGINT NOT NULL REFERENCES persons(id),
  occurred_on TEXT NOT NULL,
  direction TEXT NOT NULL,
  channel TEXT NOT NULL,
  organisation_category TEXT NOT NULL,
  organisation TEXT NOT NULL,
  contact_person TEXT NOT NULL DEFAULT '',
  topics TEXT NOT NULL,
  basis TEXT NOT NULL,
  consent_id BIGINT REFERENCES consents(id),
  justification TEXT NOT NULL DEFAULT '',
  peer_consulted TEXT NOT NULL DEFAULT '',
  recorded_by BIGINT NOT NULL REFERENCES users(id),
  recorded_at BIGINT NOT NULL
);
CREATE INDEX information_exchanges_person ON information_exchanges(person_id);
