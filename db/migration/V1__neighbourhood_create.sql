-- PostGIS is created by the local cluster helper (as superuser); on other servers it must exist
-- already or the migrating role must be allowed to create it.
CREATE EXTENSION IF NOT EXISTS postgis;

CREATE TABLE neighbourhood (
  id          bigserial PRIMARY KEY,
  slug        varchar(80)  NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  name        varchar(200) NOT NULL,
  description text,
  geom        geometry(MultiPolygon, 4326) NOT NULL CHECK (ST_IsValid(geom))
);
CREATE INDEX neighbourhood_geom_idx ON neighbourhood USING gist (geom);
