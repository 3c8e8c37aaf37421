-- Incidents and their imports belong to a municipality (issue #13). Sources (the Police's register,
-- a municipality's own reports) stay the installation's.
ALTER TABLE incident ADD COLUMN municipality_id bigint REFERENCES municipality (id);
UPDATE incident SET municipality_id = default_municipality_id();
ALTER TABLE incident
  ALTER COLUMN municipality_id SET NOT NULL,
  ALTER COLUMN municipality_id SET DEFAULT default_municipality_id();
CREATE INDEX incident_municipality_idx ON incident (municipality_id, occurred_from);

ALTER TABLE incident_import ADD COLUMN municipality_id bigint REFERENCES municipality (id);
UPDATE incident_import SET municipality_id = default_municipality_id();
ALTER TABLE incident_import
  ALTER COLUMN municipality_id SET NOT NULL,
  ALTER COLUMN municipality_id SET DEFAULT default_municipality_id();
