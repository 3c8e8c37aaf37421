-- A measure belongs to a municipality (issue #13).
ALTER TABLE measure ADD COLUMN municipality_id bigint REFERENCES municipality (id);
UPDATE measure SET municipality_id = default_municipality_id();
ALTER TABLE measure
  ALTER COLUMN municipality_id SET NOT NULL,
  ALTER COLUMN municipality_id SET DEFAULT default_municipality_id();
CREATE INDEX measure_municipality_idx ON measure (municipality_id, id);

CREATE OR REPLACE VIEW measure_overview AS
SELECT id, title, type, owner, status, completed_on, published, municipality_id FROM measure;
