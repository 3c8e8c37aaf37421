-- A place belongs to a municipality (issue #13).
ALTER TABLE unsafe_place ADD COLUMN municipality_id bigint REFERENCES municipality (id);
UPDATE unsafe_place SET municipality_id = default_municipality_id();
ALTER TABLE unsafe_place
  ALTER COLUMN municipality_id SET NOT NULL,
  ALTER COLUMN municipality_id SET DEFAULT default_municipality_id();
CREATE INDEX unsafe_place_municipality_idx ON unsafe_place (municipality_id, id);

CREATE OR REPLACE VIEW place_overview AS
SELECT id, name, geom, published, status, municipality_id FROM unsafe_place;
