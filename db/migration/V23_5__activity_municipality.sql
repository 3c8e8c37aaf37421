-- An activity belongs to a municipality (issue #13); its districts are that municipality's.
ALTER TABLE activity ADD COLUMN municipality_id bigint REFERENCES municipality (id);
UPDATE activity SET municipality_id = default_municipality_id();
ALTER TABLE activity
  ALTER COLUMN municipality_id SET NOT NULL,
  ALTER COLUMN municipality_id SET DEFAULT default_municipality_id();
CREATE INDEX activity_municipality_idx ON activity (municipality_id, id);

CREATE OR REPLACE VIEW activity_overview AS
SELECT id, kind, operation_kind, title, starts_on, ends_on, published, municipality_id FROM activity;
