-- The mapping of a file's columns to the fields of places or measures that a municipality's last
-- import used, offered as the default for the next one.
CREATE TABLE import_mapping (
  municipality_id bigint NOT NULL REFERENCES municipality (id) ON DELETE CASCADE,
  layer text NOT NULL CHECK (layer IN ('places', 'measures')),
  mapping jsonb NOT NULL CHECK (jsonb_typeof(mapping) = 'object'),
  changed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, layer)
);
