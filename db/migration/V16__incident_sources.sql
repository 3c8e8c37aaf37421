-- Incident sources are a managed list: an import names one of them, so that "polisen" and "Polisen"
-- are one source and cannot store the same incidents twice. Incidents and imports store the slug;
-- people see the name.
CREATE TABLE incident_source (
  slug       varchar(50) PRIMARY KEY CHECK (slug ~ '^[a-z0-9_.-]{1,50}$'),
  name       varchar(100) NOT NULL CHECK (btrim(name) <> ''),
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by varchar(100) NOT NULL
);
CREATE UNIQUE INDEX incident_source_name_unique ON incident_source (lower(name));

INSERT INTO incident_source (slug, name, created_by) VALUES
  ('polisen', 'Polisen', 'system'),
  ('kommunen', 'Kommunens egna rapporter', 'system');

-- The sources used so far join the list in lower case, named as they were first written.
INSERT INTO incident_source (slug, name, created_by)
SELECT DISTINCT ON (lower(source)) lower(source), source, 'system'
FROM (SELECT source, imported_at AS at FROM incident
      UNION ALL SELECT source, started_at FROM incident_import) used
ORDER BY lower(source), at
ON CONFLICT DO NOTHING;

-- One incident imported under two spellings of a source was stored twice: the first row stays.
-- Only sources spelt more than one way are looked at, so a large table is not sorted whole.
DELETE FROM incident WHERE id IN (
  SELECT id FROM (
    SELECT id, row_number() OVER (PARTITION BY lower(source), source_id ORDER BY id) AS n
    FROM incident
    WHERE lower(source) IN (SELECT lower(source) FROM incident GROUP BY lower(source) HAVING count(DISTINCT source) > 1)
  ) spelt WHERE n > 1);
UPDATE incident SET source = lower(source) WHERE source <> lower(source);
UPDATE incident_import SET source = lower(source) WHERE source <> lower(source);

ALTER TABLE incident ADD CONSTRAINT incident_source_fk FOREIGN KEY (source) REFERENCES incident_source (slug);
ALTER TABLE incident_import ADD CONSTRAINT incident_import_source_fk
  FOREIGN KEY (source) REFERENCES incident_source (slug);
-- The planning page lists the latest imports.
CREATE INDEX incident_import_started_idx ON incident_import (started_at DESC, id DESC);
