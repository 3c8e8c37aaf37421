-- A district belongs to a municipality (issue #13) and is known by (municipality, slug): two
-- municipalities may both have "centrum".
ALTER TABLE neighbourhood ADD COLUMN municipality_id bigint REFERENCES municipality (id);
UPDATE neighbourhood SET municipality_id = default_municipality_id();
ALTER TABLE neighbourhood
  ALTER COLUMN municipality_id SET NOT NULL,
  ALTER COLUMN municipality_id SET DEFAULT default_municipality_id(),
  DROP CONSTRAINT neighbourhood_slug_key,
  ADD CONSTRAINT neighbourhood_municipality_slug_key UNIQUE (municipality_id, slug);

CREATE OR REPLACE VIEW neighbourhood_overview AS
SELECT id, slug, name, geom, municipality_id FROM neighbourhood;
