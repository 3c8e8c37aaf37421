-- A promise (and so its commitments) belongs to a municipality (issue #13); its focus districts are
-- that municipality's.
ALTER TABLE promise ADD COLUMN municipality_id bigint REFERENCES municipality (id);
UPDATE promise SET municipality_id = default_municipality_id();
ALTER TABLE promise
  ALTER COLUMN municipality_id SET NOT NULL,
  ALTER COLUMN municipality_id SET DEFAULT default_municipality_id();
CREATE INDEX promise_municipality_idx ON promise (municipality_id);
