-- Municipalities become tenants (issue #13): each owns its districts, places, measures, activities,
-- promises, surveys and incidents. A municipality has an official code (SCB's four digits, e.g. 0483)
-- and one of them is the installation's default: what `/`, every URL of before and every request
-- without `municipality=` serve, and what rows stored without a municipality belong to.
ALTER TABLE municipality
  ADD COLUMN code       varchar(4) UNIQUE CHECK (code ~ '^[0-9]{4}$'),
  ADD COLUMN is_default boolean NOT NULL DEFAULT false;
CREATE UNIQUE INDEX municipality_one_default ON municipality (is_default) WHERE is_default;
UPDATE municipality SET is_default = true WHERE id = (SELECT min(id) FROM municipality);

-- The rows of the other modules get the default municipality below, so one must exist now, also when
-- an installation from before V13 (no municipality yet) is migrated by Flyway alone. This placeholder
-- (made by 'migration', never changed) is what the first start fills from the environment
-- (MunicipalitySeed), as it filled an empty table before.
INSERT INTO municipality (slug, name, min_lon, min_lat, max_lon, max_lat, tile_url, tile_attribution, max_zoom,
  is_default, created_at, created_by, updated_at, updated_by, version)
SELECT 'kommun', 'Kommunen', 10.5, 55.0, 24.5, 69.5, 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
  '© OpenStreetMap', 19, true, now(), 'migration', now(), 'migration', 0
WHERE NOT EXISTS (SELECT 1 FROM municipality);

-- The default municipality's id, for the other modules' column defaults: STABLE, so PostgreSQL reads
-- it once per statement, also for a bulk insert of a million incidents.
CREATE FUNCTION default_municipality_id() RETURNS bigint LANGUAGE sql STABLE AS $$
  SELECT id FROM municipality ORDER BY is_default DESC, id LIMIT 1
$$;

-- What other modules may read of a municipality: who it is, and its extent.
CREATE VIEW municipality_overview AS
SELECT id, slug, name, code, is_default, min_lon, min_lat, max_lon, max_lat FROM municipality;
