-- Households: persons living together at an address, each member with a role (adult | child |
-- other). A person belongs to exactly one household. A case concerns its person or, when
-- household_id is set, that person's whole household. A future household plan references households(id).
CREATE TABLE households (
  id {{ID}},
  team_id BIGINT NOT NULL REFERENCES teams(id),
  address TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL
);
CREATE INDEX households_team ON households(team_id);

CREATE TABLE household_members (
  household_id BIGINT NOT NULL REFERENCES households(id),
  person_id BIGINT NOT NULL UNIQUE REFERENCES persons(id),
  role TEXT NOT NULL,
  PRIMARY KEY (household_id, person_id)
);

ALTER TABLE cases ADD COLUMN household_id BIGINT REFERENCES households(id);

-- Backfill: every person gets their own household as an adult. The new household temporarily
-- carries its person's id as address (the table is empty here), which links the two portably.
INSERT INTO households (team_id, address, created_at)
  SELECT team_id, CAST(id AS TEXT), created_at FROM persons;
INSERT INTO household_members (household_id, person_id, role)
  SELECT h.id, p.id, 'adult' FROM households h JOIN persons p ON CAST(p.id AS TEXT) = h.address;
UPDATE households SET address = (
  SELECT p.address FROM household_members m JOIN persons p ON p.id = m.person_id WHERE m.household_id = households.id);
