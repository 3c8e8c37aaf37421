-- The municipality's settings, edited by admins on /admin: one row per municipality. There is one
-- today; when municipalities become tenants each gets its row here. The first start fills the row
-- from the environment (MunicipalityService); from then on the row rules, not the environment.
-- The extent is a lon/lat box, as before: geometries outside it are refused.
CREATE TABLE municipality (
  id               bigserial PRIMARY KEY,
  slug             varchar(80)  NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  name             varchar(100) NOT NULL CHECK (btrim(name) <> ''),
  min_lon          double precision NOT NULL,
  min_lat          double precision NOT NULL,
  max_lon          double precision NOT NULL,
  max_lat          double precision NOT NULL,
  -- Where the maps start; without it they fit the extent.
  start_lon        double precision,
  start_lat        double precision,
  start_zoom       double precision,
  tile_url         varchar(500) NOT NULL CHECK (tile_url ~ '^https?://'),
  tile_attribution varchar(300) NOT NULL,
  max_zoom         int NOT NULL CHECK (max_zoom BETWEEN 1 AND 22),
  created_at       timestamptz NOT NULL,
  created_by       varchar(100) NOT NULL,
  updated_at       timestamptz NOT NULL,
  updated_by       varchar(100) NOT NULL,
  version          bigint NOT NULL,
  CONSTRAINT municipality_extent_box CHECK (min_lon >= -180 AND max_lon <= 180 AND min_lat >= -90 AND max_lat <= 90
    AND min_lon < max_lon AND min_lat < max_lat),
  CONSTRAINT municipality_start_view_complete CHECK (
    (start_lon IS NULL) = (start_lat IS NULL) AND (start_lat IS NULL) = (start_zoom IS NULL)),
  CONSTRAINT municipality_start_view_inside CHECK (start_lon IS NULL OR (start_lon BETWEEN min_lon AND max_lon
    AND start_lat BETWEEN min_lat AND max_lat AND start_zoom BETWEEN 0 AND max_zoom))
);

-- Districts are edited now (import, PUT, DELETE): versions for If-Match, and who changed them.
-- Rows from before were made by the system (the demo loader).
ALTER TABLE neighbourhood
  ADD COLUMN created_at timestamptz NOT NULL DEFAULT now(),
  ADD COLUMN created_by varchar(100) NOT NULL DEFAULT 'system',
  ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now(),
  ADD COLUMN updated_by varchar(100) NOT NULL DEFAULT 'system',
  ADD COLUMN version bigint NOT NULL DEFAULT 0;
ALTER TABLE neighbourhood
  ALTER COLUMN created_at DROP DEFAULT,
  ALTER COLUMN created_by DROP DEFAULT,
  ALTER COLUMN updated_at DROP DEFAULT,
  ALTER COLUMN updated_by DROP DEFAULT,
  ALTER COLUMN version DROP DEFAULT;
