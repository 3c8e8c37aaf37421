-- An import is a unit that can be undone: each incident remembers the import that added it, and
-- removing the import removes its incidents. A row already stored (same source and id) belongs to
-- the import that first added it. Incidents from before (the demo's) belong to none.
ALTER TABLE incident ADD COLUMN import_id bigint REFERENCES incident_import (id) ON DELETE CASCADE;
CREATE INDEX incident_import_idx ON incident (import_id);
